using System.Formats.Tar;
using System.IO.Compression;
using Google.Protobuf.WellKnownTypes;
using Otc.EngineHarness;
using Otc.ProviderHost.Protocol;

namespace Otc.Program.Tests.Packaging;

/// <summary>
/// The plugin archive, unpacked the way <c>pulumi plugin install resource otc v{VERSION} --file &lt;archive&gt;</c>
/// unpacks it into <c>~/.pulumi/plugins/resource-otc-v{VERSION}/</c>, must hold a plugin the engine can start.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class PluginArchiveTests
{
    private string _pluginsHome = string.Empty;

    [SetUp]
    public void CreatePluginsHome() => _pluginsHome = Directory.CreateTempSubdirectory("otc-plugins-").FullName;

    [TearDown]
    public void RemovePluginsHome() => Directory.Delete(_pluginsHome, recursive: true);

    [Test]
    public async Task HoldsTheExecutableAndTheReadmeAtItsRoot()
    {
        var entries = new List<(string Name, TarEntryType Type, UnixFileMode Mode)>();
        await using (var gzip = new GZipStream(File.OpenRead(DistFiles.Archive), CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                entries.Add((entry.Name, entry.EntryType, entry.Mode));
            }
        }

        Assert.That(entries.Select(entry => entry.Name), Is.EquivalentTo(new[] { "pulumi-resource-otc", "README.md" }));
        Assert.That(entries.Select(entry => entry.Type), Is.All.EqualTo(TarEntryType.RegularFile));
        Assert.That(entries.Single(entry => entry.Name == "pulumi-resource-otc").Mode & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute));
    }

    [Test]
    public async Task TheUnpackedBinaryStartsAsAPluginAndReportsTheVersion()
    {
        var pluginDirectory = Path.Combine(_pluginsHome, $"resource-otc-v{DistFiles.Version}");
        Directory.CreateDirectory(pluginDirectory);
        await TarFile.ExtractToDirectoryAsync(new GZipStream(File.OpenRead(DistFiles.Archive), CompressionMode.Decompress), pluginDirectory, overwriteFiles: false);

        await using var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(Path.Combine(pluginDirectory, "pulumi-resource-otc")));
        var info = await provider.Client.GetPluginInfoAsync(new Empty());
        var schema = await provider.Client.GetSchemaAsync(new GetSchemaRequest());

        Assert.That(info.Version, Is.EqualTo(DistFiles.Version));
        Assert.That(schema.Schema, Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(DistFiles.Root, "schema.json"))));
    }
}
