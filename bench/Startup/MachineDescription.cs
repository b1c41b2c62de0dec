using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Otc.Bench.Startup;

/// <summary>The facts a reader needs to compare start-up numbers across machines.</summary>
internal sealed record MachineDescription(int ProcessorCount, string CpuModel, string Memory, string Kernel, string DotnetVersion, DateTimeOffset Date, string LoadAverage)
{
    public static async Task<MachineDescription> CaptureAsync()
    {
        return new MachineDescription(
            Environment.ProcessorCount,
            ReadProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            FormatMemory(ReadProcField("/proc/meminfo", "MemTotal")),
            File.Exists("/proc/sys/kernel/osrelease") ? (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease")).Trim() : RuntimeInformation.OSDescription,
            await ReadDotnetVersionAsync(),
            DateTimeOffset.UtcNow,
            ReadLoadAverage());
    }

    /// <summary>1, 5 and 15 minute load averages: start-up times are only comparable on an otherwise idle machine.</summary>
    public static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ReadProcField(string path, string field)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(candidate => candidate.StartsWith(field, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string FormatMemory(string? memTotal)
    {
        var kilobytes = memTotal?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(kilobytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0 / 1024.0:F1} GiB")
            : "unknown";
    }

    private static async Task<string> ReadDotnetVersionAsync()
    {
        var startInfo = new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(startInfo);
        if (process is null)
        {
            return "unknown";
        }

        var version = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return version.Trim();
    }
}
