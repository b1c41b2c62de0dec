namespace Otc.CloudClient;

/// <summary>
/// One pooled HTTP stack per client. Timeouts are enforced per attempt by the transport, not here. The pool holds at
/// most <paramref name="maxConnectionsPerServer"/> connections to one server, the same number of requests the transport
/// lets through at once (<see cref="ConnectionSlots"/>), so no request queues in the handler, where its timeout would run.
/// </summary>
internal static class HttpFactory
{
    public static HttpClient Create(bool insecure, int maxConnectionsPerServer)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnectionsPerServer,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (insecure)
        {
            // Opt-in only (self-signed test gateways); never the default.
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
