using System.Runtime.InteropServices;

namespace Otc.Bench.ClientBench;

/// <summary>What the numbers were measured on.</summary>
internal static class MachineDescription
{
    public static IEnumerable<string> Lines()
    {
        yield return $"- CPU: {CpuModel()} ({Environment.ProcessorCount} logical cores visible to the process)";
        yield return $"- Memory: {MemoryTotal()}";
        yield return $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"- .NET: {RuntimeInformation.FrameworkDescription}, workstation GC, {(IsRelease() ? "Release" : "Debug")} build";
    }

    /// <summary>The first three fields of <c>/proc/loadavg</c>, or "unknown".</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() => ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryTotal()
    {
        var kb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, out var value) ? $"{value / 1024 / 1024.0:F1} GiB" : "unknown";
    }

    private static string? ReadField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(line => line.StartsWith(name, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static bool IsRelease()
    {
#if DEBUG
        return false;
#else
        return true;
#endif
    }
}
