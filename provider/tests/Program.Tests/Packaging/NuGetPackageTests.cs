using System.Text.Json;

namespace Otc.Program.Tests.Packaging;

/// <summary>
/// dist/Pulumi.Otc.{VERSION}.nupkg is what C# users install: laid out as Pulumi's codegen packs an SDK, and complete
/// enough for a program to build and run against it as a package.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class NuGetPackageTests
{
    private string _work = string.Empty;

    [SetUp]
    public void CreateWorkDirectory() => _work = Directory.CreateTempSubdirectory("otc-nupkg-").FullName;

    [TearDown]
    public void RemoveWorkDirectory() => Directory.Delete(_work, recursive: true);

    [Test]
    public void HoldsTheAssemblyAndThePluginFilesTheLanguageHostReads()
    {
        var package = new NuGetPackage(DistFiles.Package);
        var manifest = package.PluginManifest;
        var pulumi = package.Nuspec.Descendants().Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Pulumi");
        var configuredServer = Environment.GetEnvironmentVariable("PLUGIN_DOWNLOAD_URL");

        Assert.That(package.Entries, Is.SupersetOf(new[] { "lib/net6.0/Pulumi.Otc.dll", "content/version.txt", "content/pulumi-plugin.json" }));
        Assert.That(package.NuspecValue("id"), Is.EqualTo("Pulumi.Otc"));
        Assert.That((string?)pulumi.Attribute("version"), Is.EqualTo("3.112.0"));
        Assert.That(manifest.GetProperty("resource").GetBoolean(), Is.True);
        Assert.That(manifest.GetProperty("name").GetString(), Is.EqualTo("otc"));
        Assert.That(manifest.GetProperty("version").GetString(), Is.EqualTo(DistFiles.Version));
        if (string.IsNullOrEmpty(configuredServer))
        {
            Assert.That(manifest.TryGetProperty("server", out _), Is.False, "no plugin download URL was configured, so no server");
        }
        else
        {
            Assert.That(manifest.GetProperty("server").GetString(), Is.EqualTo(configuredServer));
        }
    }

    [Test]
    public void CarriesTheSchemasPublisherHomepageRepositoryAndLicenseAndItsReadme()
    {
        var package = new NuGetPackage(DistFiles.Package);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(DistFiles.Root, "schema.json")));
        var root = schema.RootElement;
        var repository = package.Nuspec.Descendants().Single(e => e.Name.LocalName == "repository");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("homepage").GetString(), Is.Not.Empty);
            Assert.That(package.NuspecValue("projectUrl"), Is.EqualTo(root.GetProperty("homepage").GetString()));
            Assert.That((string?)repository.Attribute("url"), Is.EqualTo(root.GetProperty("repository").GetString()));
            Assert.That(package.NuspecValue("authors"), Is.EqualTo(root.GetProperty("publisher").GetString()));
            Assert.That(package.NuspecValue("license"), Is.EqualTo(root.GetProperty("license").GetString()));
            Assert.That(package.NuspecValue("readme"), Is.EqualTo("README.md"));
            Assert.That(package.Text("README.md"), Is.EqualTo(File.ReadAllText(Path.Combine(DistFiles.Root, "sdk", "dotnet", "README.md"))));
        });
    }

    [Test]
    public async Task APluginDownloadUrlBecomesTheServerOfThePackagedManifestOnly()
    {
        const string Url = "https://plugins.example.invalid/otc";
        var committedManifest = Path.Combine(DistFiles.Root, "sdk", "dotnet", "pulumi-plugin.json");
        var committedBefore = await File.ReadAllTextAsync(committedManifest);
        var committedUtilities = Path.Combine(DistFiles.Root, "sdk", "dotnet", "Utilities.cs");
        var utilitiesBefore = await File.ReadAllTextAsync(committedUtilities);
        var dist = Path.Combine(_work, "dist");
        var staging = Path.Combine(_work, "staging");

        var (exitCode, output) = await Command.RunAsync("make",
            ["dist_sdk", $"DIST={dist}", $"SDK_STAGING={staging}", $"PLUGIN_DOWNLOAD_URL={Url}"],
            DistFiles.Root,
            // A make started by make must not try to join the outer one's job server.
            new Dictionary<string, string?> { ["MAKEFLAGS"] = null, ["MFLAGS"] = null, ["MAKELEVEL"] = null });

        Assert.That(exitCode, Is.Zero, output);
        var manifest = new NuGetPackage(Path.Combine(dist, $"Pulumi.Otc.{DistFiles.Version}.nupkg")).PluginManifest;
        Assert.That(manifest.GetProperty("server").GetString(), Is.EqualTo(Url));
        Assert.That(manifest.GetProperty("version").GetString(), Is.EqualTo(DistFiles.Version));
        Assert.That(await File.ReadAllTextAsync(committedManifest), Is.EqualTo(committedBefore), "packing must not edit sdk/dotnet");
        // The packed code carries it as codegen writes it for a schema with pluginDownloadURL: invoke and resource defaults.
        Assert.That(await File.ReadAllTextAsync(Path.Combine(staging, "Utilities.cs")), Does.Contain($"dst.PluginDownloadURL = src?.PluginDownloadURL ?? \"{Url}\";"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(staging, "Vpcep", "VpcEndpointService.cs")), Does.Contain($"PluginDownloadURL = \"{Url}\","));
        Assert.That(await File.ReadAllTextAsync(committedUtilities), Is.EqualTo(utilitiesBefore), "packing must not edit sdk/dotnet");
    }

    [Test]
    public async Task AProgramBuildsAndRunsAgainstThePackageFromDist()
    {
        var version = DistFiles.Version;
        var packages = Path.Combine(_work, "packages");
        await WriteConsumerAsync(version, packages);

        var build = await Command.RunAsync("dotnet", ["build", "-c", "Release", "-warnaserror", "--nologo"], _work);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var run = await Command.RunAsync("dotnet", [Path.Combine(_work, "bin", "Release", "net10.0", "consumer.dll")], _work);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output.Trim(), Is.EqualTo($"otc:vpcep:VpcEndpointService {version}"), "the assembly reads its embedded version.txt");
        // Restored from dist/ into this program's own package folder, not taken from an older copy elsewhere.
        var restored = Path.Combine(packages, "pulumi.otc", version);
        Assert.That(File.Exists(Path.Combine(restored, $"pulumi.otc.{version}.nupkg")), Is.True, $"nothing restored to {restored}");
        // Where Pulumi's language host looks for the plugin a package needs.
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(restored, "content", "pulumi-plugin.json")));
        Assert.That(manifest.RootElement.GetProperty("name").GetString(), Is.EqualTo("otc"));
        Assert.That(manifest.RootElement.GetProperty("version").GetString(), Is.EqualTo(version));
    }

    /// <summary>
    /// A user's program outside the repository: a PackageReference to Pulumi.Otc and a NuGet.Config that adds dist/
    /// as a package source (and the extra source of the Pulumi package, where make set one). Packages go to a folder
    /// of its own; the machine's package folder only serves as a read-only fallback for Pulumi's dependencies.
    /// </summary>
    private async Task WriteConsumerAsync(string version, string packages)
    {
        var sources = new List<string> { DistFiles.Directory };
        if (Environment.GetEnvironmentVariable("PULUMI_NUGET_SOURCE") is { Length: > 0 } pulumiSource)
        {
            sources.Add(pulumiSource);
        }

        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(_work, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <packageSources>
            {string.Concat(sources.Select((source, index) => $"    <add key=\"local{index}\" value=\"{source}\" />\n"))}  </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(_work, "consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pulumi.Otc" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(_work, "Program.cs"), """
            using System;
            using System.Reflection;
            using Pulumi;
            using Pulumi.Otc.Vpcep;
            using Pulumi.Otc.Vpcep.Inputs;

            var serviceArgs = new VpcEndpointServiceArgs
            {
                PortId = "port",
                VpcId = "vpc",
                ServerType = ServerType.LB,
                Ports = { new PortMappingArgs { ClientPort = 80, ServerPort = 8080 } },
            };
            var type = typeof(VpcEndpointService).GetCustomAttribute<ResourceTypeAttribute>()!;
            Console.WriteLine($"{type.Type} {type.Version}");
            """);
    }
}
