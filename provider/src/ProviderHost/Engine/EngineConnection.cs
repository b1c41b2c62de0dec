using Grpc.Core;
using Grpc.Net.Client;
using Otc.ProviderHost.Protocol;

namespace Otc.ProviderHost.Engine;

/// <summary>
/// The provider's client of the engine's <c>pulumirpc.Engine</c> service. The address comes from the command
/// line or later from Handshake/Attach; one insecure (h2c) channel is created for it and reused. Logging
/// never fails the caller: with no engine, or when a call fails, the message goes to stderr instead.
/// </summary>
public sealed class EngineConnection : IDisposable
{
    private static readonly TimeSpan LogDeadline = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private GrpcChannel? _channel;
    private Protocol.Engine.EngineClient? _client;

    public EngineConnection(string? address = null)
    {
        if (!string.IsNullOrEmpty(address))
        {
            Connect(address);
        }
    }

    /// <summary>The engine's address (<c>host:port</c>), once known.</summary>
    public string? Address { get; private set; }

    /// <summary>Connects to the engine unless already connected; the first address wins (the engine has only one).</summary>
    public void Connect(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        lock (_gate)
        {
            if (_channel is not null)
            {
                return;
            }

            var uri = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
            _channel = GrpcChannel.ForAddress(uri, new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Insecure,
                MaxReceiveMessageSize = ProviderLimits.MaxMessageSize,
                MaxSendMessageSize = ProviderLimits.MaxMessageSize,
            });
            _client = new Protocol.Engine.EngineClient(_channel);
            Address = address;
        }
    }

    public async Task LogAsync(LogSeverity severity, string message, string? urn = null, bool ephemeral = false)
    {
        var client = _client;
        if (client is null)
        {
            WriteToStderr(severity, message, urn);
            return;
        }

        try
        {
            await client.LogAsync(
                new LogRequest { Severity = severity, Message = message, Urn = urn ?? string.Empty, Ephemeral = ephemeral },
                deadline: DateTime.UtcNow.Add(LogDeadline)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            WriteToStderr(severity, message, urn);
        }
    }

    /// <summary>A log bound to one resource, for handlers.</summary>
    public IResourceLog ForResource(string urn) => new EngineResourceLog(this, urn);

    public void Dispose()
    {
        lock (_gate)
        {
            _channel?.Dispose();
        }
    }

    private static void WriteToStderr(LogSeverity severity, string message, string? urn)
    {
        try
        {
            var where = string.IsNullOrEmpty(urn) ? string.Empty : $" [{urn}]";
            Console.Error.WriteLine($"{severity.ToString().ToUpperInvariant()}{where}: {message}");
        }
        catch (IOException)
        {
            // stderr gone (engine exited): nothing left to tell.
        }
        catch (ObjectDisposedException)
        {
            // Same: the stream was closed under us during shutdown.
        }
    }
}
