namespace Otc.Emulator.Gateway;

/// <summary>Fixed one-second windows per project, like a gateway's per-second throttle.</summary>
internal sealed class RateLimiter(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts the request and says whether it is still within <paramref name="limit"/> for this second.</summary>
    public bool TryAcquire(string projectKey, int limit)
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            if (!_windows.TryGetValue(projectKey, out var window) || window.Second != second)
            {
                window = new Window(second, 0);
            }

            window = window with { Count = window.Count + 1 };
            _windows[projectKey] = window;
            return window.Count <= limit;
        }
    }

    private sealed record Window(long Second, int Count);
}
