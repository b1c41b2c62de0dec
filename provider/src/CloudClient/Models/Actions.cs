namespace Otc.CloudClient;

/// <summary>Whitelist change: <c>add</c> or <c>remove</c>.</summary>
public enum PermissionAction
{
    Add,
    Remove,
}

/// <summary>Connection decision; the API's accept verb is <c>receive</c>.</summary>
public enum ConnectionAction
{
    Receive,
    Reject,
}

/// <summary>Which resource family a tag action addresses (<c>endpoint_service</c> or <c>endpoint</c>).</summary>
public enum TaggedResourceType
{
    EndpointService,
    Endpoint,
}

/// <summary>Tag batch action: <c>create</c> or <c>delete</c>.</summary>
public enum TagAction
{
    Create,
    Delete,
}
