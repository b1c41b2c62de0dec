namespace Otc.Emulator.Vpcep;

// Stored state. Mutable classes with public setters so the state file can round-trip them as they are.

internal sealed record PortMapping(int ClientPort, int ServerPort, string Protocol);

internal sealed record ResourceTag(string Key, string Value);

internal sealed record PermissionEntry(string Id, string Permission, DateTimeOffset CreatedAt);

internal sealed record ErrorDetail(string ErrorCode, string ErrorMessage);

/// <summary>One statement of a gateway endpoint's policy; the API spells its members with capitals.</summary>
internal sealed record PolicyStatement(
    [property: System.Text.Json.Serialization.JsonPropertyName("Effect")] string Effect,
    [property: System.Text.Json.Serialization.JsonPropertyName("Action")] IReadOnlyList<string> Action,
    [property: System.Text.Json.Serialization.JsonPropertyName("Resource")] IReadOnlyList<string> Resource)
{
    /// <summary>The documented default: every OBS action on every bucket and object.</summary>
    public static IReadOnlyList<PolicyStatement> AllowAllObs { get; } = [new("Allow", ["obs:*:*"], ["obs:*:*:*:*/*", "obs:*:*:*:*"])];
}

internal sealed class ServiceRecord
{
    public required string Id { get; set; }

    public required string ProjectId { get; set; }

    public required string DomainId { get; set; }

    public required string PortId { get; set; }

    /// <summary>The cluster of the backend: the one the request named, else one the cloud picked (the documented example fills it in).</summary>
    public string? PoolId { get; set; }

    /// <summary>eu-ch2 only: the virtual NIC bound to the VIP.</summary>
    public string? VipPortId { get; set; }

    /// <summary>The short name the user gave (null when unnamed); the full name is derived.</summary>
    public string? Name { get; set; }

    public required string VpcId { get; set; }

    public required string ServerType { get; set; }

    public required string ServiceType { get; set; }

    public bool ApprovalEnabled { get; set; }

    public required string TcpProxy { get; set; }

    public string? Description { get; set; }

    public List<PortMapping> Ports { get; set; } = [];

    public List<ResourceTag> Tags { get; set; } = [];

    public List<PermissionEntry> Permissions { get; set; } = [];

    public required string Status { get; set; }

    /// <summary>When the current transitional status (creating, deleting) ends.</summary>
    public DateTimeOffset? TransitionAt { get; set; }

    /// <summary>Decided at creation (settings.failCreates), so later setting changes do not affect it.</summary>
    public bool FailsOnCreate { get; set; }

    public List<ErrorDetail> Errors { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Creation order, to keep sorting stable within one timestamp.</summary>
    public long Sequence { get; set; }

    public string FullName(string region) => Name is null ? $"{region}.{Id}" : $"{region}.{Name}.{Id}";
}

internal sealed class EndpointRecord
{
    public required string Id { get; set; }

    public required string ProjectId { get; set; }

    public required string DomainId { get; set; }

    public required string ServiceId { get; set; }

    public required string ServiceName { get; set; }

    public required string ServiceType { get; set; }

    public required string VpcId { get; set; }

    public string? SubnetId { get; set; }

    public bool EnableDns { get; set; }

    public string? PortIp { get; set; }

    public string? Ip { get; set; }

    public List<string> Whitelist { get; set; } = [];

    public bool EnableWhitelist { get; set; }

    public List<string> RouteTables { get; set; } = [];

    public string? SpecificationName { get; set; }

    public string? Description { get; set; }

    /// <summary>Gateway endpoints only.</summary>
    public List<PolicyStatement>? PolicyStatement { get; set; }

    /// <summary>Filled in by the cloud (the documentation marks it "to be discarded").</summary>
    public string? EndpointPoolId { get; set; }

    public List<ResourceTag> Tags { get; set; } = [];

    public long MarkerId { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset? TransitionAt { get; set; }

    /// <summary>Decided at creation (settings.failCreates): the endpoint ends <c>failed</c> instead of connecting.</summary>
    public bool FailsOnCreate { get; set; }

    public List<ErrorDetail> Errors { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Sequence { get; set; }
}

/// <summary>Everything the emulator persists.</summary>
internal sealed class CloudState
{
    public List<ServiceRecord> Services { get; set; } = [];

    public List<EndpointRecord> Endpoints { get; set; } = [];

    public long NextSequence { get; set; }

    /// <summary>Markers handed out so far (the id adds a base; see <c>CloudStore.NextMarkerId</c>).</summary>
    public long NextMarkerId { get; set; }
}
