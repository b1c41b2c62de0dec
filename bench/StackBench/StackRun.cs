using System.Diagnostics;
using Otc.Bench.Support;
using Otc.EmulatorHarness;
using Otc.EngineHarness;

namespace Otc.Bench.StackBench;

/// <summary>
/// One stack of N endpoint services driven through a single provider process, every resource at once (the engine's
/// unbounded <c>--parallel</c>): create all, change every service's ports, delete all. The journal of the emulator
/// counts the API calls and the 429s of each phase.
/// </summary>
internal sealed class StackRun(BenchOptions options, EmulatorProcess emulator, ProviderProcess provider, int? maxRetries)
{
    /// <summary>The bench's admin client talks to the emulator over one kept-alive connection of its own.</summary>
    private const int AdminConnections = 1;

    private readonly ResourcesOfType _stack = new EngineSimulator(provider, project: "stackbench", stack: "bench").OfType("otc:vpcep:VpcEndpointService");

    public List<(string Phase, long? PeakRssBytes)> Memory { get; } = [];

    /// <summary>Per phase, the most TCP connections the provider held open to the emulator at once.</summary>
    public List<(string Phase, int PeakConnections)> Connections { get; } = [];

    public Task ConfigureAsync() => _stack.ConfigureAsync(EmulatorAccount.Owner.ProviderConfig(emulator.BaseUrl, maxRetries));

    public Task<PhaseResult> CreateAllAsync() =>
        PhaseAsync("create", name => _stack.UpAsync(name, ServiceInputs.For(name, (80, 8080), (443, 8443))));

    public Task<PhaseResult> UpdateAllAsync() =>
        PhaseAsync("update (ports)", name => _stack.UpAsync(name, ServiceInputs.For(name, (80, 8080), (443, 9443), (8443, 10443))));

    public Task<PhaseResult> DeleteAllAsync() =>
        PhaseAsync("delete", async name =>
        {
            if (_stack.Find(name) is not null)
            {
                await _stack.DestroyAsync(name);
            }

            return true;
        });

    private async Task<PhaseResult> PhaseAsync<T>(string phase, Func<string, Task<T>> operation)
    {
        await emulator.Admin.ClearJournalAsync();
        await emulator.Admin.ResetConnectionPeakAsync();
        var names = Enumerable.Range(0, options.Count).Select(i => $"svc-{i:000}").ToList();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(names.Select(async name =>
        {
            try
            {
                await operation(name);
            }
            catch (Exception exception) when (exception is ResourceOperationException or CheckFailedException)
            {
                errors.Enqueue($"{name}: {exception.Message}");
            }
        }));
        clock.Stop();
        var calls = await emulator.Admin.JournalAsync();
        Memory.Add((phase, provider.PeakResidentBytes));

        // The emulator counts every connection it accepted, the bench's own admin connection (one, kept alive) included.
        var (_, peak) = await emulator.Admin.ConnectionsAsync();
        Connections.Add((phase, peak - AdminConnections));
        return new PhaseResult(phase, names.Count, errors.Count, clock.Elapsed, calls, [.. errors.Take(3)]);
    }
}
