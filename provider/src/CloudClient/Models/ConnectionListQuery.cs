namespace Otc.CloudClient;

/// <summary>Filters for listing the connections of a service; paging is handled by the client.</summary>
public sealed class ConnectionListQuery
{
    /// <summary>The endpoint id.</summary>
    public string? Id { get; init; }

    /// <summary>The connection's <c>marker_id</c>, as its decimal digits.</summary>
    public string? MarkerId { get; init; }

    /// <summary>The documented filter values: <c>pendingAcceptance</c>, <c>accepted</c>, <c>rejected</c>, <c>failed</c>.</summary>
    public string? Status { get; init; }
}
