using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using static Otc.Provider.Resources.PropertyDecoding;
using Names = Otc.Provider.Resources.VpcEndpointService.ServiceProperties;

namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// The outputs of a VPC endpoint service: every input as the cloud reports it (same shape as the inputs,
/// short service name, bare permission ids), plus the values only the cloud knows.
/// </summary>
public sealed record VpcEndpointServiceState : IPropertyModel<VpcEndpointServiceState>
{
    /// <summary>The input-shaped part of the outputs.</summary>
    public required VpcEndpointServiceArgs Settings { get; init; }

    /// <summary><c>creating</c>, <c>available</c>, <c>failed</c> or <c>deleting</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>{region}.{name}.{id}</c>: what consumers use to find the service.</summary>
    public string? FullServiceName { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }

    public string? ProjectId { get; init; }

    public static VpcEndpointServiceState FromProperties(PropertyMap properties) => new()
    {
        Settings = VpcEndpointServiceArgs.FromProperties(properties),
        Status = OptionalString(properties, Names.Status),
        FullServiceName = OptionalString(properties, Names.FullServiceName),
        CreatedAt = OptionalString(properties, Names.CreatedAt),
        UpdatedAt = OptionalString(properties, Names.UpdatedAt),
        ProjectId = OptionalString(properties, Names.ProjectId),
    };

    public PropertyMap ToProperties() => WithStrings(
        Settings.ToProperties(),
        (Names.Status, Status),
        (Names.FullServiceName, FullServiceName),
        (Names.CreatedAt, CreatedAt),
        (Names.UpdatedAt, UpdatedAt),
        (Names.ProjectId, ProjectId));
}
