using System.Globalization;
using Otc.CloudClient;

namespace Otc.Provider.Cloud;

/// <summary>
/// How often waits read what they wait for. OTC creates and deletes in one to two minutes, so the default first interval
/// (one second, see <see cref="WaitPolicy"/>) is at most a second late; an emulator that does the same in a tenth of a
/// second is better served by a shorter one, set through <see cref="PollIntervalVariable"/>.
/// </summary>
public static class WaitSettings
{
    /// <summary>The first interval between a wait's reads, in milliseconds (1 to 60,000).</summary>
    public const string PollIntervalVariable = "OTC_POLL_INTERVAL_MS";

    private const int MaxMilliseconds = 60_000;

    /// <summary>The wait policy the environment asks for: null (the default policy) when the variable is absent.</summary>
    /// <exception cref="FormatException">The variable is set to something other than a whole number of milliseconds from 1 to 60,000.</exception>
    public static WaitPolicy? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = environment(PollIntervalVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds is < 1 or > MaxMilliseconds)
        {
            throw new FormatException($"{PollIntervalVariable} must be a whole number of milliseconds from 1 to {MaxMilliseconds}, not '{text}'");
        }

        return new WaitPolicy { InitialDelay = TimeSpan.FromMilliseconds(milliseconds) };
    }
}
