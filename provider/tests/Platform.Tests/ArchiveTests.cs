namespace Otc.Platform.Tests;

/// <summary>What <c>make dist</c> leaves in <c>dist/</c>: five plugin archives and the SDK package, all of one version.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ArchiveTests
{
    private static IEnumerable<string> Platforms => PluginArchives.Platforms;

    [Test]
    public void DistHoldsTheFivePluginArchivesAndThePackageOfTheOneVersion()
    {
        var files = Directory.EnumerateFiles(PluginArchives.DistDirectory).Select(Path.GetFileName).ToList();

        Assert.That(files.Where(name => name!.StartsWith("pulumi-resource-otc-", StringComparison.Ordinal)),
            Is.EquivalentTo(PluginArchives.Platforms.Select(PluginArchives.FileName)));
        Assert.That(files.Where(name => name!.EndsWith(".nupkg", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { $"Pulumi.Otc.{PluginArchives.Version}.nupkg" }));
    }

    [TestCaseSource(nameof(Platforms))]
    public async Task HoldsTheExecutableAndTheReadmeAtItsRoot(string platform)
    {
        var entries = await PluginArchives.EntriesAsync(platform);
        var executable = PluginArchives.ExecutableName(platform);

        Assert.That(entries.Select(entry => entry.Name), Is.EquivalentTo(new[] { executable, "README.md" }));
        Assert.That(entries.Select(entry => entry.Type), Is.All.EqualTo(System.Formats.Tar.TarEntryType.RegularFile));
        Assert.That(entries.Single(entry => entry.Name == executable).Mode & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute));
    }
}
