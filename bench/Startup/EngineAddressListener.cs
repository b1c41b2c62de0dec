using System.Net;
using System.Net.Sockets;

namespace Otc.Bench.Startup;

/// <summary>
/// A loopback TCP listener whose address is passed as the engine-address argument, so both binaries are started
/// with the same command line the engine uses. It accepts and holds connections but speaks no gRPC: a server that
/// waits on the engine during start-up would show up as a hang, not as a fast number.
/// </summary>
internal sealed class EngineAddressListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];
    private readonly CancellationTokenSource _stopping = new();

    public EngineAddressListener()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stopping.Token);
                lock (_held)
                {
                    _held.Add(socket);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }

        _stopping.Dispose();
    }
}
