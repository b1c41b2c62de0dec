namespace Otc.CloudClient;

/// <summary>An endpoint's connection to a service reached <c>failed</c> while its owner waited for it to be accepted.</summary>
public sealed class ConnectionFailedException : Exception
{
    public ConnectionFailedException(string serviceId, ServiceConnection connection)
        : base($"the connection of VPC endpoint {connection.Id} to service {serviceId} failed: {ServiceError.Summarize(connection.Errors)}")
    {
        Connection = connection;
    }

    /// <summary>The connection as last read, including its <c>error</c> entries.</summary>
    public ServiceConnection Connection { get; }
}
