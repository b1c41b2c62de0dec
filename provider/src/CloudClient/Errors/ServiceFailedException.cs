namespace Otc.CloudClient;

/// <summary>The service reached status <c>failed</c> while we waited for it to become available.</summary>
public sealed class ServiceFailedException : Exception
{
    public ServiceFailedException(EndpointService service)
        : base(Describe(service))
    {
        Service = service;
    }

    /// <summary>The failed service as last read, including its <c>error</c> entries.</summary>
    public EndpointService Service { get; }

    private static string Describe(EndpointService service) => $"Endpoint service {service.Id} failed: {ServiceError.Summarize(service.Errors)}";
}
