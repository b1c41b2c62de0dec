namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>The enum values and defaults the VPCEP API accepts, spelled the way the cloud reports them.</summary>
internal static class ServiceVocabulary
{
    public static readonly IReadOnlyList<string> ServerTypes = ["LB", "VM", "VIP", "BMS"];

    public static readonly IReadOnlyList<string> ServiceTypes = ["interface", "gateway"];

    public static readonly IReadOnlyList<string> TcpProxyModes = ["close", "toa_open", "proxy_open", "open", "proxy_vni"];

    public static readonly IReadOnlyList<string> Protocols = ["TCP"];

    public const string CreatableServiceType = "interface";
    public const string DefaultServiceType = "interface";
    public const string DefaultTcpProxy = "close";
    public const string DefaultProtocol = "TCP";
    public const bool DefaultApprovalEnabled = true;

    public const int MinPort = 1;
    public const int MaxPort = 65535;
    public const int MaxPortMappings = 200;

    /// <summary>The cloud's spelling of <paramref name="value"/> when it names one of <paramref name="allowed"/> in any case; otherwise null.</summary>
    public static string? Canonical(string? value, IReadOnlyList<string> allowed)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The canonical spelling when known, else the value unchanged (so an odd cloud answer still shows up as a difference).</summary>
    public static string CanonicalOrSelf(string value, IReadOnlyList<string> allowed) => Canonical(value, allowed) ?? value;

    public static bool SameIgnoringCase(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
