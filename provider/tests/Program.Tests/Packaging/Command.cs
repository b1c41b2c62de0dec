using System.Diagnostics;
using System.Text;

namespace Otc.Program.Tests.Packaging;

/// <summary>Runs a command line (dotnet, make) to its end and keeps what it printed, for the assertion message.</summary>
internal static class Command
{
    /// <summary>Long enough for a cold restore; only a hang reaches it.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = new StringBuilder();
        var drains = Task.WhenAll(DrainAsync(process.StandardOutput, output), DrainAsync(process.StandardError, output));
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not end within {Limit}");
        }

        await drains;
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static async Task DrainAsync(StreamReader reader, StringBuilder sink)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lock (sink)
            {
                sink.AppendLine(line);
            }
        }
    }
}
