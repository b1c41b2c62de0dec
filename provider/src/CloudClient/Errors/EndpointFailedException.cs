namespace Otc.CloudClient;

/// <summary>The endpoint reached <c>failed</c> or <c>rejected</c> while we waited for it to connect.</summary>
public sealed class EndpointFailedException : Exception
{
    public EndpointFailedException(VpcEndpoint endpoint)
        : base(Describe(endpoint))
    {
        Endpoint = endpoint;
    }

    /// <summary>The endpoint as last read, including its <c>error</c> entries.</summary>
    public VpcEndpoint Endpoint { get; }

    private static string Describe(VpcEndpoint endpoint) =>
        StatusVocabulary.Is(endpoint.Status, EndpointStatus.Rejected) && endpoint.Errors.Count == 0
            ? $"VPC endpoint {endpoint.Id} is rejected: the owner of service {endpoint.EndpointServiceId} rejected its connection"
            : $"VPC endpoint {endpoint.Id} is {endpoint.Status}: {ServiceError.Summarize(endpoint.Errors)}";
}
