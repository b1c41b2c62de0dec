namespace Otc.EngineHarness;

/// <summary>How to start a provider: the binary (or <c>dotnet</c>) plus any arguments that go before the engine address.</summary>
public sealed record ProviderLaunch
{
    public required string FileName { get; init; }

    /// <summary>Arguments placed before the engine address (e.g. the dll when <see cref="FileName"/> is <c>dotnet</c>).</summary>
    public IReadOnlyList<string> LeadingArguments { get; init; } = [];

    /// <summary>Extra environment variables; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? WorkingDirectory { get; init; }

    /// <summary>How long the provider may take to print its port.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static ProviderLaunch Binary(string path) => new() { FileName = Path.GetFullPath(path) };
}
