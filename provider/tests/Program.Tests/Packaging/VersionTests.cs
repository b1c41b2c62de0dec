using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Google.Protobuf.WellKnownTypes;
using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Otc.ProviderHost.Protocol;
using Pulumi;
using Pulumi.Otc.Vpcep;

namespace Otc.Program.Tests.Packaging;

/// <summary>The version set in VERSION is the one every shipped piece reports, from the binary to the package's name.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class VersionTests
{
    [Test]
    public async Task EveryPieceCarriesTheVersionFromTheVersionFile()
    {
        var root = DistFiles.Root;
        var sdk = Path.Combine(root, "sdk", "dotnet");
        var package = new NuGetPackage(DistFiles.Package);
        string servedVersion;
        string? servedSchemaVersion;
        await using (var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(ProviderBinary.Locate())))
        {
            servedVersion = (await provider.Client.GetPluginInfoAsync(new Empty())).Version;
            servedSchemaVersion = SchemaVersion((await provider.Client.GetSchemaAsync(new GetSchemaRequest())).Schema);
        }

        var versions = new Dictionary<string, string?>
        {
            ["binary GetPluginInfo"] = servedVersion,
            ["binary GetSchema"] = servedSchemaVersion,
            ["schema.json"] = SchemaVersion(await File.ReadAllTextAsync(Path.Combine(root, "schema.json"))),
            ["sdk/dotnet/version.txt"] = (await File.ReadAllTextAsync(Path.Combine(sdk, "version.txt"))).Trim(),
            ["sdk/dotnet/pulumi-plugin.json"] = ManifestVersion(await File.ReadAllTextAsync(Path.Combine(sdk, "pulumi-plugin.json"))),
            ["sdk/dotnet/Pulumi.Otc.csproj"] = (string?)XDocument.Load(Path.Combine(sdk, "Pulumi.Otc.csproj")).Descendants("Version").SingleOrDefault(),
            ["the SDK assembly's resource types"] = typeof(VpcEndpointService).GetCustomAttribute<ResourceTypeAttribute>()?.Version,
            ["nupkg nuspec"] = package.NuspecValue("version"),
            ["nupkg content/version.txt"] = package.Text("content/version.txt").Trim(),
            ["nupkg content/pulumi-plugin.json"] = package.PluginManifest.GetProperty("version").GetString(),
        };

        // DistFiles found the archive and the package under names built from VERSION.
        Assert.That(File.Exists(DistFiles.Archive), Is.True);
        Assert.That(versions.Where(pair => pair.Value != DistFiles.Version).Select(pair => $"{pair.Key}: {pair.Value}"), Is.Empty,
            $"VERSION says {DistFiles.Version}; `make version` writes it into schema.json and sdk/dotnet, then rebuild");
    }

    private static string? SchemaVersion(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return document.RootElement.GetProperty("version").GetString();
    }

    private static string? ManifestVersion(string manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        return document.RootElement.GetProperty("version").GetString();
    }
}
