using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Otc.PosixSignals;

/// <summary>Sends SIGINT to child processes, as the Pulumi engine stops its plugins; .NET's <c>Process.Kill</c> only knows SIGKILL.</summary>
public static partial class Interrupt
{
    private const int SigInt = 2;

    public static bool Send(int processId) => Kill(processId, SigInt) == 0;

    /// <summary>Stops a child the way the engine does: SIGINT, then SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        Send(process.Id);
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
