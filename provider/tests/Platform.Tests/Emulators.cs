namespace Otc.Platform.Tests;

/// <summary>The programs that run another platform's binaries here (installed by <c>scripts/install-platform-tools.sh run</c>).</summary>
internal static class Emulators
{
    /// <summary>
    /// <paramref name="program"/> on PATH, else in <c>/usr/lib/wine</c>, where Debian's wine64 package keeps its loader
    /// and server when the <c>wine</c> package with the PATH wrappers is not installed.
    /// </summary>
    public static string Find(string program)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/lib/wine");
        return directories.Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists)
            ?? throw new AssertionException($"{program} is not installed: `make test_platforms` installs it (scripts/install-platform-tools.sh run)");
    }
}
