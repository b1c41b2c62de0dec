using System.Diagnostics;

namespace Otc.Provider.Resources.Common;

/// <summary>The time one resource operation may take: the engine's custom timeout (<c>customTimeouts</c>), or the one default.</summary>
internal sealed class TimeBudget
{
    /// <summary>The default for every operation that waits: the docs quote one to two minutes for the asynchronous steps.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private readonly long _started = Stopwatch.GetTimestamp();

    private TimeBudget(TimeSpan limit) => Limit = limit;

    public TimeSpan Limit { get; }

    /// <summary>What is left of the budget; never negative.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var remaining = Limit - Stopwatch.GetElapsedTime(_started);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>Starts the budget of an operation now.</summary>
    /// <param name="requested">The engine's timeout for the operation, or null for the default.</param>
    public static TimeBudget Start(TimeSpan? requested) => new(requested ?? DefaultTimeout);
}
