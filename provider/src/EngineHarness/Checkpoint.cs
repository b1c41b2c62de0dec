using System.Collections.Concurrent;

namespace Otc.EngineHarness;

/// <summary>
/// The stack's checkpoint, as the engine persists it: every resource of every type, by URN (id, inputs, outputs, init
/// errors). Resources of different URNs may change concurrently, as the engine drives them.
/// </summary>
public sealed class Checkpoint(string project, string stack)
{
    private readonly ConcurrentDictionary<string, StackResource> _resources = new(StringComparer.Ordinal);

    public string Project { get; } = project;

    public string Stack { get; } = stack;

    /// <summary>Every resource the stack holds, by URN.</summary>
    public IReadOnlyDictionary<string, StackResource> Resources => _resources;

    public string UrnOf(string resourceType, string name) => $"urn:pulumi:{Stack}::{Project}::{resourceType}::{name}";

    /// <summary>The URN of a provider resource (<c>default</c>, or an explicit provider's name) of <paramref name="package"/>.</summary>
    public string ProviderUrnOf(string package, string providerName) => UrnOf(ProviderTypes.Of(package), providerName);

    public StackResource? Find(string urn) => _resources.TryGetValue(urn, out var resource) ? resource : null;

    public StackResource Get(string urn) => Find(urn) ?? throw new InvalidOperationException($"the stack holds no resource '{urn}'");

    /// <summary>Records a resource (created, updated, refreshed, imported, or carried over from an earlier process).</summary>
    public void Put(StackResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _resources[resource.Urn] = resource;
    }

    public void Remove(string urn) => _resources.TryRemove(urn, out _);
}
