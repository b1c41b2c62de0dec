using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using static Otc.Provider.Resources.PropertyDecoding;
using Names = Otc.Provider.Resources.VpcEndpoint.EndpointProperties;

namespace Otc.Provider.Resources.VpcEndpoint;

/// <summary>The outputs of a VPC endpoint: every input as the cloud reports it, plus the values only the cloud knows.</summary>
public sealed record VpcEndpointState : IPropertyModel<VpcEndpointState>
{
    /// <summary>The input-shaped part of the outputs.</summary>
    public required VpcEndpointArgs Settings { get; init; }

    /// <summary><c>creating</c>, <c>pendingAcceptance</c>, <c>accepted</c>, <c>rejected</c>, <c>failed</c> or <c>deleting</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The endpoint's private IP address (interface endpoints, once accepted).</summary>
    public string? Ip { get; init; }

    public IReadOnlyList<string>? DnsNames { get; init; }

    /// <summary>
    /// The connection's id on the service side (what the owner sees as <c>marker_id</c>): the cloud's JSON number as its
    /// digits, since up to 18 of them are more than a double (a Pulumi number) holds exactly.
    /// </summary>
    public string? MarkerId { get; init; }

    /// <summary>The full name of the service the endpoint connects to.</summary>
    public string? ServiceName { get; init; }

    public string? ServiceType { get; init; }

    public string? ProjectId { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }

    public static VpcEndpointState FromProperties(PropertyMap properties) => new()
    {
        Settings = VpcEndpointArgs.FromProperties(properties),
        Status = OptionalString(properties, Names.Status),
        Ip = OptionalString(properties, Names.Ip),
        DnsNames = OptionalStringList(properties, Names.DnsNames),
        MarkerId = OptionalDigits(properties, Names.MarkerId),
        ServiceName = OptionalString(properties, Names.ServiceName),
        ServiceType = OptionalString(properties, Names.ServiceType),
        ProjectId = OptionalString(properties, Names.ProjectId),
        CreatedAt = OptionalString(properties, Names.CreatedAt),
        UpdatedAt = OptionalString(properties, Names.UpdatedAt),
    };

    public PropertyMap ToProperties()
    {
        var properties = WithStrings(
            Settings.ToProperties(),
            (Names.Status, Status),
            (Names.Ip, Ip),
            (Names.MarkerId, MarkerId),
            (Names.ServiceName, ServiceName),
            (Names.ServiceType, ServiceType),
            (Names.ProjectId, ProjectId),
            (Names.CreatedAt, CreatedAt),
            (Names.UpdatedAt, UpdatedAt));

        if (DnsNames is not null)
        {
            properties = properties.With(Names.DnsNames, StringList(DnsNames));
        }

        return properties;
    }
}
