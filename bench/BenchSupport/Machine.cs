using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Otc.Bench.Support;

/// <summary>The machine the numbers come from: cores, CPU model, memory, OS and .NET.</summary>
public static class Machine
{
    public static IReadOnlyList<string> Describe() =>
    [
        $"- `nproc`: {Environment.ProcessorCount}",
        $"- CPU (`lscpu | grep 'Model name'`): {ProcField("/proc/cpuinfo", "model name") ?? "unknown"}",
        $"- Memory: {MemTotal()}",
        $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
        $"- .NET: SDK {DotnetVersion()}, runtime {RuntimeInformation.FrameworkDescription}",
        $"- Load average at the end: {LoadAverage()} (the machine is shared with other builds)",
    ];

    private static string MemTotal()
    {
        var field = ProcField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(field, out var kilobytes) ? $"{kilobytes / 1024.0 / 1024.0:0.0} GiB" : "unknown";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string DotnetVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return "unknown";
            }

            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string? ProcField(string file, string name) =>
        File.Exists(file)
            ? File.ReadLines(file)
                .Where(line => line.StartsWith(name, StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault()
            : null;
}
