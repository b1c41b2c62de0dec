using System.Text.RegularExpressions;

namespace Otc.Emulator;

/// <summary>The active fault rules; the first rule that matches a request decides what happens to it.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var pattern = rule.Path is null ? null : new Regex(rule.Path, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule, pattern, rule.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Finds the rule for this request and uses up one of its <see cref="FaultRule.Times"/>.</summary>
    internal FaultRule? Match(string method, string path)
    {
        lock (_gate)
        {
            foreach (var active in _rules)
            {
                if (active.Remaining is 0)
                {
                    continue;
                }

                if (active.Rule.Method is { } wanted && !string.Equals(wanted, method, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (active.Pattern is { } pattern && !pattern.IsMatch(path))
                {
                    continue;
                }

                // Fault chance is for simulating flaky networks, not for security.
#pragma warning disable CA5394
                if (active.Rule.Rate is { } rate && Random.Shared.NextDouble() >= rate)
#pragma warning restore CA5394
                {
                    continue;
                }

                if (active.Remaining is { } remaining)
                {
                    active.Remaining = remaining - 1;
                }

                return active.Rule;
            }

            return null;
        }
    }

    private sealed class ActiveRule(FaultRule rule, Regex? pattern, int? remaining)
    {
        public FaultRule Rule { get; } = rule;

        public Regex? Pattern { get; } = pattern;

        public int? Remaining { get; set; } = remaining;
    }
}
