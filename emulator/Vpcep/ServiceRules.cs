using System.Text.RegularExpressions;
using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>Field rules of the endpoint service create and modify APIs, with the documented error codes.</summary>
internal static partial class ServiceRules
{
    public const int MaxPorts = 200;
    public const int MaxDescriptionLength = 128;

    /// <summary>The documented default of <c>approval_enabled</c>, on create and (read strictly) on modify.</summary>
    public const bool DefaultApprovalEnabled = true;

    /// <summary>The documented default of <c>tcp_proxy</c>, on create and (read strictly) on modify.</summary>
    public const string DefaultTcpProxy = "close";

    private static readonly string[] ServerTypes = ["LB", "VM", "VIP", "BMS"];
    private static readonly string[] TcpProxies = ["close", "toa_open", "proxy_open", "open", "proxy_vni"];

    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw ApiError.BadRequest("EndPoint.2002", $"The input parameter {field} is empty.")
            : value;

    /// <summary>A missing or blank <c>vpc_id</c>: the error appendix's own code, "The input parameter VPC ID is empty".</summary>
    public static string RequiredVpcId(string? vpcId) =>
        string.IsNullOrWhiteSpace(vpcId)
            ? throw ApiError.BadRequest("EndPoint.2011", "The input parameter VPC ID is empty.")
            : vpcId;

    public static string? Name(string? name) =>
        name is null || NamePattern().IsMatch(name)
            ? name
            : throw ApiError.BadRequest("EndPoint.3076", "Invalid service_name: use 1 to 16 letters, digits, hyphens (-) or underscores (_).");

    public static string? Description(string? description) =>
        description is null || (description.Length <= MaxDescriptionLength && !description.Contains('<', StringComparison.Ordinal) && !description.Contains('>', StringComparison.Ordinal))
            ? description
            : throw ApiError.ParameterError("Parameter error: description must be at most 128 characters without < or >.");

    public static string ServerType(string? serverType) =>
        ServerTypes.Contains(Required(serverType, "server_type"), StringComparer.Ordinal)
            ? serverType!
            : throw ApiError.BadRequest("EndPoint.3021", "Invalid server_type: use LB, VM, VIP or BMS.");

    public static string ServiceType(string? serviceType) =>
        serviceType is null or "interface"
            ? "interface"
            : throw ApiError.ParameterError("Parameter error: only interface endpoint services can be created.");

    public static string TcpProxy(string? tcpProxy) =>
        tcpProxy is null || TcpProxies.Contains(tcpProxy, StringComparer.Ordinal)
            ? tcpProxy ?? DefaultTcpProxy
            : throw ApiError.ParameterError("Parameter error: tcp_proxy must be close, toa_open, proxy_open, open or proxy_vni.");

    public static List<PortMapping> Ports(List<PortBody>? ports)
    {
        if (ports is null || ports.Count == 0)
        {
            throw ApiError.BadRequest("EndPoint.2002", "The input parameter ports is empty.");
        }

        if (ports.Count > MaxPorts)
        {
            throw ApiError.BadRequest("EndPoint.3074", "The number of port mappings exceeds the maximum of 200.");
        }

        var mappings = new List<PortMapping>(ports.Count);
        foreach (var port in ports)
        {
            if (port is null || port.ClientPort is null || port.ServerPort is null)
            {
                throw ApiError.BadRequest("EndPoint.2028", "The port or protocol of a port mapping is empty.");
            }

            if (port.ClientPort is < 1 or > 65535 || port.ServerPort is < 1 or > 65535)
            {
                throw ApiError.BadRequest("EndPoint.3043", "Invalid service port: ports must be between 1 and 65535.");
            }

            var protocol = port.Protocol ?? "TCP";
            if (protocol != "TCP")
            {
                throw ApiError.BadRequest("EndPoint.3075", "Invalid protocol: only TCP is supported.");
            }

            var mapping = new PortMapping(port.ClientPort.Value, port.ServerPort.Value, protocol);

            // The endpoint listens on client_port, so two mappings may not share one (client_port, protocol).
            if (mappings.Any(existing => existing.ClientPort == mapping.ClientPort && existing.Protocol == mapping.Protocol))
            {
                throw ApiError.BadRequest("EndPoint.3043", $"Invalid service port: duplicate port mapping for client_port {mapping.ClientPort}.");
            }

            mappings.Add(mapping);
        }

        return mappings;
    }

    /// <summary>Services sharing one backend port must not map the same (server_port, protocol) twice.</summary>
    public static void NoConflict(string portId, IReadOnlyList<PortMapping> ports, IEnumerable<ServiceRecord> otherServices)
    {
        foreach (var other in otherServices.Where(service => service.PortId == portId))
        {
            var clash = ports.FirstOrDefault(port => other.Ports.Any(taken => taken.ServerPort == port.ServerPort && taken.Protocol == port.Protocol));
            if (clash is not null)
            {
                throw ApiError.BadRequest(
                    "EndPoint.3044",
                    $"The ports conflict with endpoint service {other.Id}: server_port {clash.ServerPort}/{clash.Protocol} is already used on port_id {portId}.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
