using Otc.EmulatorHarness;

namespace Otc.Program.Tests.Packaging;

/// <summary>The repository's VERSION and what <c>make dist</c> builds from it into <c>dist/</c>.</summary>
internal static class DistFiles
{
    public static string Root => ProviderBinary.RepositoryRoot();

    /// <summary>The release version, from the one file that holds it.</summary>
    public static string Version => File.ReadAllText(Path.Combine(Root, "VERSION")).Trim();

    public static string Archive => Existing($"pulumi-resource-otc-v{Version}-linux-amd64.tar.gz");

    public static string Package => Existing($"Pulumi.Otc.{Version}.nupkg");

    public static string Directory => Path.Combine(Root, "dist");

    private static string Existing(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path)
            ? path
            : throw new AssertionException($"dist/{name} is missing (dist/ holds: {string.Join(", ", Listing())}): run `make dist`");
    }

    private static IEnumerable<string> Listing() =>
        System.IO.Directory.Exists(Directory) ? System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>() : [];
}
