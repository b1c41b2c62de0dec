using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>One resource in the simulated checkpoint: what the engine would persist for it.</summary>
public sealed record StackResource(
    string Name,
    string Urn,
    string Id,
    PropertyMap Inputs,
    PropertyMap Outputs,
    IReadOnlyList<string> InitErrors)
{
    public bool HasInitErrors => InitErrors.Count > 0;
}
