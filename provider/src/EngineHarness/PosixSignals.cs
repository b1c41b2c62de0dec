using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Otc.EngineHarness;

/// <summary>Sends signals to child processes; .NET's <c>Process.Kill</c> only knows SIGKILL.</summary>
internal static partial class PosixSignals
{
    private const int SigInt = 2;

    public static bool Interrupt(int processId) => Kill(processId, SigInt) == 0;

    /// <summary>Stops a child the way the engine does: SIGINT, then SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public static async Task InterruptAndWaitAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        Interrupt(process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
