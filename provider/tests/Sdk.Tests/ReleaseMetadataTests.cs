using System.Diagnostics;
using Otc.Sdk.Tests.Schema;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests;

/// <summary>
/// `make version` writes the release's metadata into schema.json and sdk/dotnet as Pulumi's codegen would: run on a copy
/// of both, the schema and the SDK it leaves agree (the same checks as the committed pair), name the values given, and
/// taking the download URL away again leaves no trace of it.
/// </summary>
[TestFixture]
public sealed class ReleaseMetadataTests
{
    private const string Url = "https://downloads.example.invalid/pulumi-otc/v0.1.0";

    private string _copy = string.Empty;

    [SetUp]
    public void CopyTheGeneratedFiles()
    {
        _copy = Directory.CreateTempSubdirectory("otc-make-version-").FullName;
        foreach (var file in new[] { "Makefile", "VERSION", "schema.json" })
        {
            File.Copy(Path.Combine(RepositoryLayout.Root, file), Path.Combine(_copy, file));
        }
        foreach (var (relative, text) in SdkFixture.Sdk.Files)
        {
            var target = Path.Combine(_copy, "sdk", "dotnet", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }
    }

    [TearDown]
    public void RemoveTheCopy() => Directory.Delete(_copy, recursive: true);

    [Test]
    public void Make_version_with_a_download_url_and_urls_leaves_a_schema_and_sdk_that_agree()
    {
        MakeVersion($"PLUGIN_DOWNLOAD_URL={Url}", "HOMEPAGE=https://otc.example.invalid/pulumi", "REPOSITORY=https://git.example.invalid/pulumi-otc");

        var (schema, sdk) = Read();
        Assert.Multiple(() =>
        {
            Assert.That(SdkFixture.Disagreements(schema, sdk), Is.Empty);
            Assert.That(schema.Metadata, Is.EqualTo(new PackageMetadata("pulumi-otc", "https://otc.example.invalid/pulumi", "https://git.example.invalid/pulumi-otc", Url)));
            // The four resource classes (provider included) and both WithDefaults.
            Assert.That(sdk.Files.Values.Sum(text => CountOf(text, $"PluginDownloadURL = \"{Url}\"") + CountOf(text, $"PluginDownloadURL ?? \"{Url}\"")),
                Is.EqualTo(schema.Resources.Count + 1 + 2));
        });
    }

    [Test]
    public void Make_version_again_without_the_url_removes_it_and_keeps_the_rest()
    {
        MakeVersion($"PLUGIN_DOWNLOAD_URL={Url}");
        MakeVersion("PLUGIN_DOWNLOAD_URL=");

        var (schema, sdk) = Read();
        Assert.Multiple(() =>
        {
            Assert.That(SdkFixture.Disagreements(schema, sdk), Is.Empty);
            Assert.That(schema.Metadata, Is.EqualTo(SdkFixture.Schema.Metadata with { PluginDownloadUrl = null }));
            Assert.That(sdk.Files.Values.Where(text => text.Contains("PluginDownloadURL", StringComparison.Ordinal)), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(_copy, "schema.json")), Is.EqualTo(SdkFixture.SchemaText), "the committed schema has no download URL");
        });
    }

    private (PackageSchema Schema, SdkSources Sdk) Read() =>
        (SchemaReader.Parse(File.ReadAllText(Path.Combine(_copy, "schema.json"))), SdkSources.Load(Path.Combine(_copy, "sdk", "dotnet")));

    private void MakeVersion(params string[] variables)
    {
        var start = new ProcessStartInfo("make", ["--no-print-directory", "version", .. variables])
        {
            WorkingDirectory = _copy,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A make started by make must not try to join the outer one's job server.
        foreach (var name in new[] { "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PLUGIN_DOWNLOAD_URL", "HOMEPAGE", "REPOSITORY", "PUBLISHER" })
        {
            start.Environment.Remove(name);
        }
        using var make = Process.Start(start) ?? throw new InvalidOperationException("could not start make");
        var error = make.StandardError.ReadToEndAsync();
        var output = make.StandardOutput.ReadToEnd();
        make.WaitForExit();
        Assert.That(make.ExitCode, Is.Zero, output + error.Result);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
