using System.Runtime.InteropServices;

namespace Otc.EngineHarness;

/// <summary>Sends signals to child processes; .NET's <c>Process.Kill</c> only knows SIGKILL.</summary>
internal static partial class PosixSignals
{
    private const int SigInt = 2;

    public static bool Interrupt(int processId) => Kill(processId, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
