using System.Diagnostics;
using System.Net.Http;
using Grpc.Core;
using Grpc.Net.Client;

namespace Otc.Bench.Startup;

/// <summary>Starts a server binary the way the engine does and times it until its first answered GetPluginInfo.</summary>
internal sealed class StartupProbe(string binaryPath, string engineAddress, TimeSpan runTimeout)
{
    public string BinaryPath { get; } = binaryPath;

    public async Task<StartupSample> MeasureAsync()
    {
        var startInfo = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BinaryPath)!,
        };
        startInfo.ArgumentList.Add(engineAddress);

        using var timeout = new CancellationTokenSource(runTimeout);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {BinaryPath}");
        try
        {
            // Drain stderr so a chatty server never blocks on a full pipe.
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();

            var portLine = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"{BinaryPath} closed stdout before writing its port");
            var toPortLine = clock.Elapsed;
            if (!int.TryParse(portLine, out var port))
            {
                throw new InvalidOperationException($"{BinaryPath} wrote {portLine} instead of a port");
            }

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
            });
            var invoker = channel.CreateCallInvoker();
            var answer = await invoker.AsyncUnaryCall(
                PluginInfoCall.Method, null, new CallOptions(cancellationToken: timeout.Token), []);
            var toFirstAnswer = clock.Elapsed;
            if (PluginInfoCall.ReadVersion(answer).Length == 0)
            {
                throw new InvalidOperationException($"{BinaryPath} answered GetPluginInfo without a version");
            }

            return new StartupSample(toPortLine, toFirstAnswer);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
