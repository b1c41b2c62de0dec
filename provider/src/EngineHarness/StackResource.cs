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
    /// <summary>The resource type, read from the URN (<c>urn:pulumi:stack::project::type::name</c>).</summary>
    public string Type => Urn.Split("::")[2];

    public bool HasInitErrors => InitErrors.Count > 0;
}
