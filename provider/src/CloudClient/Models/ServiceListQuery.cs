namespace Otc.CloudClient;

/// <summary>Filters for listing endpoint services; paging is handled by the client.</summary>
public sealed class ServiceListQuery
{
    /// <summary>Case-insensitive fuzzy match on the full service name (<c>endpoint_service_name</c>).</summary>
    public string? Name { get; init; }

    public string? Id { get; init; }

    /// <summary><c>creating</c>, <c>available</c>, <c>failed</c> or <c>deleting</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>created_at</c> (cloud default) or <c>updated_at</c>.</summary>
    public string? SortKey { get; init; }

    /// <summary><c>desc</c> (cloud default) or <c>asc</c>.</summary>
    public string? SortDir { get; init; }
}
