using System.Globalization;
using Otc.EngineHarness;

namespace Otc.EmulatorHarness;

/// <summary>
/// The published Native AOT provider: <c>PROVIDER_BIN</c> when set, else <c>bin/pulumi-resource-otc</c> in the first
/// directory above the running assembly that has one; launched with none of the developer's OTC settings from the
/// environment.
/// </summary>
public static class ProviderBinary
{
    /// <summary>The provider's setting for the first interval between a wait's status reads (milliseconds; default 1 s).</summary>
    public const string PollIntervalVariable = "OTC_POLL_INTERVAL_MS";

    private const string RelativePath = "bin/pulumi-resource-otc";

    /// <summary>
    /// The prefixes of every variable the provider reads its settings from (its config keys' environment names,
    /// <c>OS_CLOUD</c> and the clouds.yaml file variables), which the developer's shell must not leak into a run.
    /// </summary>
    private static readonly string[] SettingPrefixes = ["OS_", "OTC_"];

    /// <summary>The published binary, launched as the engine does, with every config environment variable cleared.</summary>
    /// <param name="pollInterval">
    /// How soon a wait first reads what it waits for, and then every so often (the provider's default: 1 s). Against an
    /// emulator whose creations take a fraction of that, a shorter interval lets a run end as soon as the cloud is done.
    /// </param>
    public static ProviderLaunch WithoutConfigEnvironment(TimeSpan? pollInterval = null) =>
        WithoutConfigEnvironment(ProviderLaunch.Binary(Locate()), pollInterval);

    /// <summary>
    /// <paramref name="launch"/> (another build of the provider, or one run through an emulator such as qemu or wine)
    /// with every config environment variable cleared, its own variables kept, and the poll interval as above.
    /// </summary>
    public static ProviderLaunch WithoutConfigEnvironment(ProviderLaunch launch, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var environment = Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(name => SettingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToDictionary(name => name, string? (_) => null);
        environment[PollIntervalVariable] = pollInterval is { } interval
            ? ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)
            : null;
        foreach (var (name, value) in launch.Environment)
        {
            environment[name] = value;
        }

        return launch with { Environment = environment };
    }

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PROVIDER_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new FileNotFoundException($"PROVIDER_BIN={fromEnvironment} does not exist; run `make provider` first", fromEnvironment);
        }

        return Above(candidate => File.Exists(Path.Combine(candidate, RelativePath))) is { } directory
            ? Path.Combine(directory, RelativePath)
            : throw new FileNotFoundException($"{RelativePath} was not found above {AppContext.BaseDirectory}: run `make provider` first", RelativePath);
    }

    /// <summary>The repository root: the directory holding <c>schema.json</c> and the solution.</summary>
    public static string RepositoryRoot() =>
        Above(candidate => File.Exists(Path.Combine(candidate, "schema.json")) && File.Exists(Path.Combine(candidate, "pulumi-otc.slnx")))
        ?? throw new DirectoryNotFoundException($"the repository root (schema.json next to pulumi-otc.slnx) was not found above {AppContext.BaseDirectory}");

    private static string? Above(Func<string, bool> matches)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (matches(directory.FullName))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
