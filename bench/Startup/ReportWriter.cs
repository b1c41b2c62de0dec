using System.Globalization;
using System.Text;

namespace Otc.Bench.Startup;

/// <summary>Writes bench/results/startup.md: the machine, the exact command, and the numbers.</summary>
internal static class ReportWriter
{
    public const double TargetRatio = 1.2;

    public static string Render(BenchOptions options, MachineDescription machine, string loadBefore, Statistics bare, Statistics provider, Statistics barePort, Statistics providerPort)
    {
        var ratio = provider.Median / bare.Median;
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine("# Start-up: provider vs a bare ASP.NET Core gRPC server");
        text.AppendLine();
        text.AppendLine("Time from process start to the first answered `GetPluginInfo` (`/pulumirpc.ResourceProvider/GetPluginInfo`), both binaries");
        text.AppendLine("published with Native AOT for linux-x64 and started the way the engine starts a plugin (one engine-address argument,");
        text.AppendLine("port read from the first stdout line, then an h2c channel to 127.0.0.1). The bare server (`bench/BareGrpcServer`) is the");
        text.AppendLine("floor: Kestrel on 127.0.0.1:0, HTTP/2 only, one RPC, nothing else.");
        text.AppendLine();
        text.AppendLine("## Machine");
        text.AppendLine();
        text.AppendLine(culture, $"- nproc: {machine.ProcessorCount}");
        text.AppendLine(culture, $"- CPU: {machine.CpuModel}");
        text.AppendLine(culture, $"- memory: {machine.Memory}");
        text.AppendLine(culture, $"- kernel: {machine.Kernel}");
        text.AppendLine(culture, $"- dotnet --version: {machine.DotnetVersion}");
        text.AppendLine(culture, $"- date: {machine.Date:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(culture, $"- load average (1/5/15 min) before the runs: {loadBefore}; after: {machine.LoadAverage} (2 cores shared with parallel builds inflate every number)");
        text.AppendLine(culture, $"- binaries: provider {SizeOf(options.ProviderPath)}, bare server {SizeOf(options.BarePath)}");
        text.AppendLine();
        text.AppendLine("## Command");
        text.AppendLine();
        text.AppendLine("```");
        var command = $"dotnet run --project bench/Startup/Startup.csproj -c Release -- {string.Join(' ', options.RawArguments)}";
        text.AppendLine(command.TrimEnd());
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(culture, $"{options.Runs} measured runs per binary, interleaved (the order alternates every round), after {options.WarmupRuns} warm-up runs each.");
        text.AppendLine();
        text.AppendLine("## Results (ms)");
        text.AppendLine();
        text.AppendLine("| binary | measure | median | p90 | min | max | mean |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        AppendRow(text, "bare gRPC server", "to first answer", bare);
        AppendRow(text, "pulumi-resource-otc", "to first answer", provider);
        AppendRow(text, "bare gRPC server", "to port line", barePort);
        AppendRow(text, "pulumi-resource-otc", "to port line", providerPort);
        text.AppendLine();
        text.AppendLine(culture, $"Ratio provider / bare (median, to first answer): **{ratio:F2}×** (min: {provider.Min / bare.Min:F2}×, p90: {provider.P90 / bare.P90:F2}×).");
        text.AppendLine(culture, $"Target: within {TargetRatio:F1}× of the bare floor: **{(ratio <= TargetRatio ? "met" : "not met")}**.");
        return text.ToString();
    }

    public const string AnalysisHeading = "## Analysis";

    /// <summary>The hand-written analysis of an earlier report (from its heading on), kept when the numbers are regenerated.</summary>
    public static async Task<string> KeptAnalysisAsync(string reportPath)
    {
        if (!File.Exists(reportPath))
        {
            return string.Empty;
        }

        var previous = await File.ReadAllTextAsync(reportPath);
        var start = previous.IndexOf("\n" + AnalysisHeading, StringComparison.Ordinal);
        return start < 0 ? string.Empty : previous[start..];
    }

    private static void AppendRow(StringBuilder text, string binary, string measure, Statistics statistics)
    {
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {binary} | {measure} | {statistics.Median:F1} | {statistics.P90:F1} | {statistics.Min:F1} | {statistics.Max:F1} | {statistics.Mean:F1} |");
    }

    private static string SizeOf(string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB");
}
