using System.Runtime.InteropServices;
using Otc.Emulator;
using Otc.PosixSignals;

// Started in the background by a script, SIGINT arrives ignored; the harness and Ctrl+C both stop us with it.
InheritedInterrupt.StopIgnoring();
var options = CommandLine.Parse(args, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync($"otc-emulator: {error}");
    await Console.Error.WriteLineAsync(CommandLine.Usage);
    return 2;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

await using var emulator = await EmulatorHost.StartAsync(options, CancellationToken.None);

// The first stdout line is the contract with whoever started us: the base URL and nothing else.
Console.Out.WriteLine(emulator.BaseUrl.GetLeftPart(UriPartial.Authority));
Console.Out.WriteLine($"otc-emulator: region {options.Region}, create delay {options.CreateDelay.TotalMilliseconds} ms, delete delay {options.DeleteDelay.TotalMilliseconds} ms, state {options.StatePath ?? "in memory"}{(options.Strict ? ", strict" : string.Empty)}");
Console.Out.Flush();

await stop.Task;
await emulator.StopAsync();
Console.Out.WriteLine("otc-emulator: stopped");
return 0;
