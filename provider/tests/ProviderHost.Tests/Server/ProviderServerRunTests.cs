using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Server;
using Otc.ProviderHost.Tests.TestProvider;

namespace Otc.ProviderHost.Tests.Server;

[NonParallelizable]
public sealed partial class ProviderServerRunTests
{
    [Test]
    public async Task RunAsync_WritesOnlyThePortLine_ServesIt_AndReturnsWhenStopped()
    {
        var captured = new StringWriter();
        var original = Console.Out;
        Console.SetOut(captured);
        try
        {
            using var stop = new CancellationTokenSource();
            var run = ProviderServer.RunAsync([], WidgetProvider.Definition() with { Version = "9.9.9" }, stop.Token);

            var portLine = await WaitForPortLineAsync(captured, run);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{int.Parse(portLine.TrimEnd('\n'), System.Globalization.CultureInfo.InvariantCulture)}");
            var info = await new ResourceProvider.ResourceProviderClient(channel).GetPluginInfoAsync(new Empty());

            await stop.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Multiple(() =>
            {
                Assert.That(info.Version, Is.EqualTo("9.9.9"));
                Assert.That(exitCode, Is.Zero);
                Assert.That(captured.ToString(), Does.Match(PortLine()), "stdout holds the port line and nothing else");
            });
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private static async Task<string> WaitForPortLineAsync(StringWriter captured, Task run)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!captured.ToString().Contains('\n', StringComparison.Ordinal))
        {
            if (run.IsCompleted)
            {
                await run; // surfaces the start-up failure
            }

            await Task.Delay(20, timeout.Token);
        }

        return captured.ToString();
    }

    [GeneratedRegex(@"^\d{1,5}\n$")]
    private static partial Regex PortLine();
}
