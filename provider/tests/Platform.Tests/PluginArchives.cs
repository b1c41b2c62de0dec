using System.Formats.Tar;
using System.IO.Compression;
using Otc.EmulatorHarness;

namespace Otc.Platform.Tests;

/// <summary>The plugin archives <c>make dist</c> writes into <c>dist/</c>, one per platform, named as Pulumi's plugin installer expects.</summary>
internal static class PluginArchives
{
    /// <summary>Every platform the plugin is built for, as <c>{os}-{arch}</c> in the archive names.</summary>
    public static readonly string[] Platforms = ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64"];

    public static string Version => File.ReadAllText(Path.Combine(ProviderBinary.RepositoryRoot(), "VERSION")).Trim();

    public static string DistDirectory => Path.Combine(ProviderBinary.RepositoryRoot(), "dist");

    public static string FileName(string platform) => $"pulumi-resource-otc-v{Version}-{platform}.tar.gz";

    /// <summary>The executable's name inside the archive: Windows finds programs by their <c>.exe</c> suffix.</summary>
    public static string ExecutableName(string platform) => platform.StartsWith("windows-", StringComparison.Ordinal)
        ? "pulumi-resource-otc.exe"
        : "pulumi-resource-otc";

    public static string PathOf(string platform)
    {
        var path = Path.Combine(DistDirectory, FileName(platform));
        return File.Exists(path) ? path : throw new AssertionException($"dist/{FileName(platform)} is missing: run `make dist` (or `make test_platforms`)");
    }

    public static async Task<IReadOnlyList<TarEntrySummary>> EntriesAsync(string platform)
    {
        var entries = new List<TarEntrySummary>();
        await using var gzip = new GZipStream(File.OpenRead(PathOf(platform)), CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            entries.Add(new TarEntrySummary(entry.Name, entry.EntryType, entry.Mode));
        }

        return entries;
    }

    /// <summary>Unpacks the archive into <paramref name="directory"/> as <c>pulumi plugin install</c> does; returns the executable's path.</summary>
    public static async Task<string> UnpackAsync(string platform, string directory)
    {
        Directory.CreateDirectory(directory);
        await using var gzip = new GZipStream(File.OpenRead(PathOf(platform)), CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(gzip, directory, overwriteFiles: false);
        return Path.Combine(directory, ExecutableName(platform));
    }
}

internal sealed record TarEntrySummary(string Name, TarEntryType Type, UnixFileMode Mode);
