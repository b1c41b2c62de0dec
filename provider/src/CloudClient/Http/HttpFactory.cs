namespace Otc.CloudClient;

/// <summary>One pooled HTTP stack per client. Timeouts are enforced per attempt by the transport, not here.</summary>
internal static class HttpFactory
{
    public static HttpClient Create(bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
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
