namespace Otc.EngineHarness;

/// <summary>Pulumi's type tokens: <c>pkg:module:Type</c> for resources and functions, <c>pulumi:providers:pkg</c> for providers.</summary>
public static class ProviderTypes
{
    private const string ProviderTypePrefix = "pulumi:providers:";

    /// <summary>The type of <paramref name="package"/>'s provider resource.</summary>
    public static string Of(string package) => ProviderTypePrefix + package;

    public static bool IsProvider(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.StartsWith(ProviderTypePrefix, StringComparison.Ordinal);
    }

    /// <summary>The package of a type token: <c>pkg:module:Type</c>, or <c>pulumi:providers:pkg</c> for a provider.</summary>
    public static string PackageOf(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return IsProvider(type) ? type[ProviderTypePrefix.Length..] : type.Split(':')[0];
    }
}
