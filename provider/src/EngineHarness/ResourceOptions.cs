namespace Otc.EngineHarness;

/// <summary>The resource options that change what the engine sends to a provider.</summary>
public sealed record ResourceOptions
{
    public static ResourceOptions Default { get; } = new();

    /// <summary>Overrides the provider's <c>deleteBeforeReplace</c> answer either way when set.</summary>
    public bool? DeleteBeforeReplace { get; init; }

    /// <summary>Top-level input names whose program value is replaced by the old input before Check.</summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    public CustomTimeouts Timeouts { get; init; } = new();
}

/// <summary><c>customTimeouts</c>: the engine sends them as seconds; zero means "provider default".</summary>
public sealed record CustomTimeouts
{
    public TimeSpan? Create { get; init; }

    public TimeSpan? Update { get; init; }

    public TimeSpan? Delete { get; init; }

    public TimeSpan? Read { get; init; }

    internal static double Seconds(TimeSpan? timeout) => timeout?.TotalSeconds ?? 0;
}
