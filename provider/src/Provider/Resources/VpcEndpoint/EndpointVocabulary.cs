using System.Net;
using System.Net.Sockets;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>Service kinds and address rules of VPC endpoints, as the API reference gives them (the statuses are the cloud client's).</summary>
internal static class EndpointVocabulary
{
    public const string Gateway = "gateway";

    /// <summary>VPCEP's own range: an endpoint's subnet (and the VPC's custom routes) must not overlap it.</summary>
    public const string ReservedRange = "198.19.128.0/17";

    public static bool IsIpv4(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3;

    /// <summary>An IPv4 address or an IPv4 CIDR block (prefix 0-32).</summary>
    public static bool IsIpv4OrCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return IsIpv4(text);
        }

        return IsIpv4(text[..slash])
            && int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
            && bits <= 32;
    }

    /// <summary>Whether an IPv4 address lies in <see cref="ReservedRange"/> (198.19.128.0 - 198.19.255.255).</summary>
    public static bool IsInReservedRange(string ipv4)
    {
        var bytes = IPAddress.Parse(ipv4).GetAddressBytes();
        return bytes[0] == 198 && bytes[1] == 19 && bytes[2] >= 128;
    }
}
