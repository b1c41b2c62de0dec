using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Otc.PosixSignals;
using Otc.ProviderHost.Protocol;

namespace Otc.EngineHarness;

/// <summary>
/// A provider plugin started the way the Pulumi engine starts one: the engine's address as the only positional
/// argument, the port read from stdout up to the first newline, an h2c channel with 400 MiB limits, then
/// <c>Handshake</c>. Disposing does what the engine does at the end: <c>Cancel</c>, close the channel, SIGINT, wait.
/// </summary>
public sealed class ProviderProcess : IAsyncDisposable
{
    private const int MaxMessageSize = 400 * 1024 * 1024;
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly FakeEngine _engine;
    private readonly GrpcChannel _channel;
    private readonly StringBuilder _stderr;
    private readonly StringBuilder _stdoutAfterPort;
    private readonly Task _drains;
    private readonly int _processId;
    private int? _exitCode;
    private bool _disposed;

    private ProviderProcess(
        Process process, FakeEngine engine, GrpcChannel channel, int port, StringBuilder stderr, StringBuilder stdoutAfterPort, Task drains)
    {
        _process = process;
        _engine = engine;
        _channel = channel;
        _stderr = stderr;
        _stdoutAfterPort = stdoutAfterPort;
        _drains = drains;
        _processId = process.Id;
        Port = port;
        Client = new ResourceProvider.ResourceProviderClient(channel);
    }

    public ResourceProvider.ResourceProviderClient Client { get; }

    public int Port { get; }

    public int ProcessId => _processId;

    /// <summary>The fake engine's address that was passed on the command line.</summary>
    public string EngineAddress => _engine.Address;

    public ProviderHandshakeResponse? HandshakeResponse { get; private set; }

    /// <summary>Every <c>Engine.Log</c> call received so far.</summary>
    public IReadOnlyList<CapturedLog> Logs => _engine.Logs;

    /// <summary>Everything the provider wrote to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Anything written to stdout after the port line (the engine hides it; a clean provider writes nothing).</summary>
    public string StandardOutputAfterPort
    {
        get
        {
            lock (_stdoutAfterPort)
            {
                return _stdoutAfterPort.ToString();
            }
        }
    }

    public bool HasExited => _exitCode is not null || _process.HasExited;

    /// <summary>The exit code once the process has ended (after <see cref="DisposeAsync"/>).</summary>
    public int? ExitCode => _exitCode ?? (_process.HasExited ? _process.ExitCode : null);

    /// <summary>The provider's resident-set high-water mark in bytes (Linux), while it runs.</summary>
    public long? PeakResidentBytes => _exitCode is null ? ProcessMemory.PeakResidentBytes(_processId) : null;

    /// <summary>Launches the provider, reads its port, connects and handshakes. Throws with its stderr when it does not come up.</summary>
    public static async Task<ProviderProcess> StartAsync(ProviderLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var engine = await FakeEngine.StartAsync(cancellationToken).ConfigureAwait(false);
        Process? process = null;
        try
        {
            process = Launch(launch, engine.Address);
            var stderr = new StringBuilder();
            var stderrDrain = DrainAsync(process.StandardError, stderr);

            int port;
            using (var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                startup.CancelAfter(launch.StartTimeout);
                port = await ReadPortAsync(process, stderr, startup.Token).ConfigureAwait(false);
            }

            var stdoutAfterPort = new StringBuilder();
            var stdoutDrain = DrainAsync(process.StandardOutput, stdoutAfterPort);
            var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Insecure,
                MaxReceiveMessageSize = MaxMessageSize,
                MaxSendMessageSize = MaxMessageSize,
            });
            var provider = new ProviderProcess(process, engine, channel, port, stderr, stdoutAfterPort, Task.WhenAll(stderrDrain, stdoutDrain));
            await provider.HandshakeAsync(cancellationToken).ConfigureAwait(false);
            return provider;
        }
        catch
        {
            if (process is not null)
            {
                StopQuietly(process);
                process.Dispose();
            }

            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Ends the provider like the engine: <c>Cancel</c> (5 s), close the connection, SIGINT, and after a grace period kill.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            try
            {
                await Client.CancelAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(5)).ConfigureAwait(false);
            }
            catch (RpcException)
            {
                // Unimplemented or already gone: the engine ignores this too.
            }
        }

        await _channel.ShutdownAsync().ConfigureAwait(false);
        _channel.Dispose();
        await Interrupt.StopAsync(_process, ExitGrace).ConfigureAwait(false);

        _exitCode = _process.ExitCode;
        await _drains.ConfigureAwait(false);
        _process.StandardInput.Dispose();
        _process.Dispose();
        await _engine.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        // The engine retries Unavailable every 10 ms while the server finishes starting; Unimplemented is a valid answer.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                HandshakeResponse = await Client.HandshakeAsync(new ProviderHandshakeRequest
                {
                    EngineAddress = _engine.Address,
                    ConfigureWithUrn = true,
                    SupportsViews = true,
                    SupportsRefreshBeforeUpdate = true,
                    InvokeWithPreview = true,
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unimplemented)
            {
                return;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Process Launch(ProviderLaunch launch, string engineAddress)
    {
        var start = new ProcessStartInfo(launch.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = launch.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in launch.LeadingArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(engineAddress);
        foreach (var (name, value) in launch.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        // Stdin stays open for the provider's lifetime, as the engine holds it: the provider treats EOF as "engine gone".
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {launch.FileName}");
    }

    /// <summary>Reads stdout byte by byte up to the first newline, exactly like the engine, and parses the port.</summary>
    private static async Task<int> ReadPortAsync(Process process, StringBuilder stderr, CancellationToken cancellationToken)
    {
        var stdout = process.StandardOutput.BaseStream;
        var line = new List<byte>();
        var buffer = new byte[1];
        try
        {
            while (true)
            {
                var read = await stdout.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                    throw new InvalidOperationException(
                        $"the provider exited (code {process.ExitCode}) before printing its port; stderr: {Snapshot(stderr)}");
                }

                if (buffer[0] == (byte)'\n')
                {
                    break;
                }

                line.Add(buffer[0]);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the provider printed no port line in time; stderr: {Snapshot(stderr)}");
        }

        var text = Encoding.UTF8.GetString([.. line]).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"the provider's first stdout line is not a port: '{text}'");
        }

        return port;
    }

    private static async Task DrainAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (sink)
                {
                    sink.Append(buffer, 0, read);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke as the process ended.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while draining.
        }
    }

    private static string Snapshot(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }

    private static void StopQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }
}
