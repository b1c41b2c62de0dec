namespace Otc.Emulator.Vpcep;

// Wire shapes of request bodies; every field is nullable so missing and wrong values can be told apart.

internal sealed record PortBody(int? ClientPort, int? ServerPort, string? Protocol);

internal sealed record TagBody(string? Key, string? Value);

internal sealed record CreateServiceBody(
    string? PortId,
    string? PoolId,
    string? ServiceName,
    string? VpcId,
    bool? ApprovalEnabled,
    string? ServiceType,
    string? ServerType,
    List<PortBody>? Ports,
    string? TcpProxy,
    List<TagBody>? Tags,
    string? Description,
    string? VipPortId = null);

internal sealed record UpdateServiceBody(
    bool? ApprovalEnabled,
    string? ServiceName,
    List<PortBody>? Ports,
    string? PortId,
    string? TcpProxy,
    string? Description,
    string? VipPortId = null);

internal sealed record ConnectionActionBody(string? Action, List<string>? Endpoints);

internal sealed record PermissionActionBody(string? Action, List<string>? Permissions);

internal sealed record CreateEndpointBody(
    string? EndpointServiceId,
    string? VpcId,
    string? SubnetId,
    bool? EnableDns,
    List<TagBody>? Tags,
    List<string>? Routetables,
    string? PortIp,
    List<string>? Whitelist,
    bool? EnableWhitelist,
    string? SpecificationName,
    string? Description,
    List<PolicyStatement>? PolicyStatement);

internal sealed record TagActionBody(string? Action, List<TagBody>? Tags);

internal sealed record TagFilter(string? Key, List<string>? Values);

internal sealed record TagMatch(string? Key, string? Value);

internal sealed record ResourceInstancesBody(
    string? Action,
    List<TagFilter>? Tags,
    List<TagFilter>? TagsAny,
    List<TagFilter>? NotTags,
    List<TagFilter>? NotTagsAny,
    List<TagMatch>? Matches,
    string? Limit,
    string? Offset);
