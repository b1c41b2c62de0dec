namespace Otc.CloudClient;

/// <summary>Filters for listing VPC endpoints; paging is handled by the client.</summary>
public sealed class EndpointListQuery
{
    /// <summary>Case-insensitive fuzzy match on the name of the service the endpoint connects to (<c>endpoint_service_name</c>).</summary>
    public string? ServiceName { get; init; }

    public string? VpcId { get; init; }

    public string? Id { get; init; }
}
