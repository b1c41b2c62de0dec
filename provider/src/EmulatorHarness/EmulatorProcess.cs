using System.Diagnostics;
using System.Text;
using Otc.PosixSignals;

namespace Otc.EmulatorHarness;

/// <summary>
/// The OTC emulator as a separate process (<c>dotnet otc-emulator.dll</c>): its first stdout line is the base URL;
/// the admin API is reachable through <see cref="Admin"/>; disposing sends SIGINT and waits for a clean exit.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly Task _drains;
    private readonly int _processId;
    private int? _exitCode;
    private bool _disposed;

    private EmulatorProcess(Process process, Uri baseUrl, StringBuilder output, Task drains)
    {
        _process = process;
        _output = output;
        _drains = drains;
        _processId = process.Id;
        BaseUrl = baseUrl;
        Admin = new EmulatorAdmin(baseUrl);
    }

    public Uri BaseUrl { get; }

    public EmulatorAdmin Admin { get; }

    public int ProcessId => _processId;

    /// <summary>The exit code once stopped.</summary>
    public int? ExitCode => _exitCode;

    /// <summary>The emulator's human log lines (stdout after the URL, and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="emulatorDll"/> --port 0 [arguments]</c> and waits for its URL line.</summary>
    public static async Task<EmulatorProcess> StartAsync(string emulatorDll, IEnumerable<string>? arguments = null, CancellationToken cancellationToken = default)
    {
        var dll = Path.GetFullPath(emulatorDll);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the emulator is not built: {dll} is missing (make demo builds it)", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = new StringBuilder();
        var stderrDrain = DrainAsync(process.StandardError, output);
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startup.CancelAfter(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(startup.Token).ConfigureAwait(false);
            if (line is null || !Uri.TryCreate(line.Trim(), UriKind.Absolute, out var baseUrl))
            {
                throw new InvalidOperationException($"the emulator printed no base URL (got '{line}'); output: {Snapshot(output)}");
            }

            return new EmulatorProcess(process, baseUrl, output, Task.WhenAll(stderrDrain, DrainAsync(process.StandardOutput, output)));
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Admin.Dispose();
        await Interrupt.StopAsync(_process, TimeSpan.FromSeconds(10)).ConfigureAwait(false);

        _exitCode = _process.ExitCode;
        await _drains.ConfigureAwait(false);
        _process.Dispose();
    }

    private static async Task DrainAsync(StreamReader reader, StringBuilder sink)
    {
        try
        {
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                lock (sink)
                {
                    sink.AppendLine(line);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke as the process ended.
        }
    }

    private static string Snapshot(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }
}
