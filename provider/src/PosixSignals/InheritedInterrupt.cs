using System.Runtime.InteropServices;

namespace Otc.PosixSignals;

/// <summary>
/// A process started in the background by a non-interactive shell (a CI job, <c>pulumi up &amp;</c> in a script) inherits
/// SIGINT as ignored, and .NET leaves an ignored SIGINT ignored even when a handler is registered for it. The engine
/// stops its plugins with SIGINT, so a plugin that kept ignoring it would linger until it is killed. Like Go's
/// <c>signal.Notify</c>, this takes the default disposition back, before .NET sets up its own signal handling.
/// </summary>
public static partial class InheritedInterrupt
{
    private const int SigInt = 2;
    private const nint SigDfl = 0;
    private const nint SigIgn = 1;

    // Larger than struct sigaction on Linux and macOS; both put the handler first.
    private const int SigactionBufferSize = 256;

    /// <summary>
    /// Call before anything uses <see cref="Console"/>, <see cref="System.Diagnostics.Process"/> or
    /// <see cref="PosixSignalRegistration"/>: .NET reads the disposition once, when the first of them starts.
    /// Returns true when SIGINT had been ignored.
    /// </summary>
    public static bool StopIgnoring()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        Span<byte> current = stackalloc byte[SigactionBufferSize];
        if (ReadAction(SigInt, 0, ref MemoryMarshal.GetReference(current)) != 0 || MemoryMarshal.Read<nint>(current) != SigIgn)
        {
            return false;
        }

        SetHandler(SigInt, SigDfl);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int ReadAction(int signal, nint newAction, ref byte oldAction);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SetHandler(int signal, nint handler);
}
