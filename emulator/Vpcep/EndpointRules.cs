using System.Net;
using System.Net.Sockets;
using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>Field rules of the endpoint create API that depend on the kind of service the endpoint connects to.</summary>
internal static class EndpointRules
{
    public const string Gateway = "gateway";

    /// <summary>port_ip: "Only IPv4 addresses are supported."</summary>
    public static string? PortIp(string? portIp, bool gateway)
    {
        if (portIp is null)
        {
            return null;
        }

        if (gateway)
        {
            throw ApiError.ParameterError("Parameter error: port_ip is only for interface endpoints.");
        }

        return IsIpv4(portIp) ? portIp : throw ApiError.BadRequest("EndPoint.2041", $"Invalid Port IP address: port_ip must be an IPv4 address, got '{portIp}'.");
    }

    /// <summary>
    /// whitelist and enable_whitelist are "available only when you create a VPC endpoint for connecting to an interface
    /// VPC endpoint service"; entries are IPv4 addresses or CIDR blocks (EndPoint.2044 for a bad entry).
    /// </summary>
    public static List<string> Whitelist(List<string>? whitelist, bool? enableWhitelist, bool gateway)
    {
        if (gateway && (whitelist is { Count: > 0 } || enableWhitelist == true))
        {
            throw ApiError.ParameterError("Parameter error: whitelist and enable_whitelist are only for interface endpoints.");
        }

        foreach (var entry in whitelist ?? [])
        {
            if (!IsIpv4OrCidr(entry))
            {
                throw ApiError.BadRequest("EndPoint.2044", $"Invalid endpoint whitelist entry '{entry}': use an IPv4 address or CIDR block.");
            }
        }

        return whitelist ?? [];
    }

    /// <summary>
    /// routetables are only for gateway endpoints; "if you do not specify this parameter, the route table ID of the VPC is
    /// returned" (the emulator derives a stable one from the VPC id).
    /// </summary>
    public static List<string> RouteTables(List<string>? routeTables, string vpcId, bool gateway)
    {
        if (!gateway)
        {
            return routeTables is { Count: > 0 }
                ? throw ApiError.ParameterError("Parameter error: routetables are only for gateway endpoints.")
                : [];
        }

        return routeTables is { Count: > 0 } ? routeTables : [DefaultRouteTable(vpcId)];
    }

    /// <summary>The VPC's default route table: a UUID derived from the VPC id, so the same VPC always answers the same one.</summary>
    public static string DefaultRouteTable(string vpcId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("route-table:" + vpcId));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static bool IsIpv4(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3;

    private static bool IsIpv4OrCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return IsIpv4(text);
        }

        return IsIpv4(text[..slash]) && int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits <= 32;
    }
}
