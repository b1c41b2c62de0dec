using Otc.EngineHarness;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>Finds the published Native AOT provider: <c>PROVIDER_BIN</c> when set, else <c>bin/pulumi-resource-otc</c> above the test directory.</summary>
internal static class ProviderBinary
{
    private const string RelativePath = "bin/pulumi-resource-otc";

    /// <summary>The provider's config environment fallbacks, which the developer's shell must not leak into a test.</summary>
    private static readonly string[] ConfigEnvironment =
    [
        "OS_REGION_NAME", "OS_PROJECT_ID", "OS_PROJECT_NAME", "OS_AUTH_URL", "OS_ACCESS_KEY", "OS_SECRET_KEY", "OS_SECURITY_TOKEN",
        "OS_USERNAME", "OS_PASSWORD", "OS_DOMAIN_NAME", "OS_TOKEN", "OTC_VPCEP_ENDPOINT", "OS_INSECURE", "OTC_MAX_RETRIES", "OTC_MAX_CONNECTIONS",
    ];

    /// <summary>The published binary, launched as the engine does, with every config environment variable cleared.</summary>
    public static ProviderLaunch WithoutConfigEnvironment() => ProviderLaunch.Binary(Locate()) with
    {
        Environment = ConfigEnvironment.ToDictionary(name => name, string? (_) => null),
    };

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PROVIDER_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new AssertionException($"PROVIDER_BIN={fromEnvironment} does not exist; run `make provider` first");
        }

        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new AssertionException($"{RelativePath} was not found above {TestContext.CurrentContext.TestDirectory}: run `make provider` first");
    }

    /// <summary>The repository root: the directory holding <c>schema.json</c> and the provider binary.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "schema.json")) && File.Exists(Path.Combine(directory.FullName, "pulumi-otc.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new AssertionException("the repository root (schema.json next to pulumi-otc.slnx) was not found above the test directory");
    }
}
