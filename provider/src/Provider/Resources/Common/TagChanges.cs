using Otc.CloudClient;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// What the tag action must do to turn one tag map into another: removed and changed keys are deleted (by key, so
/// whatever value they hold now goes), added and changed keys created. Services and endpoints both use it.
/// </summary>
internal sealed record TagChanges(IReadOnlyList<ResourceTag> ToDelete, IReadOnlyList<ResourceTag> ToCreate)
{
    public bool IsEmpty => ToDelete.Count == 0 && ToCreate.Count == 0;

    public static TagChanges Between(IReadOnlyDictionary<string, string> old, IReadOnlyDictionary<string, string> desired) => new(
        [.. old
            .Where(tag => !desired.TryGetValue(tag.Key, out var value) || !string.Equals(value, tag.Value, StringComparison.Ordinal))
            .OrderBy(tag => tag.Key, StringComparer.Ordinal)
            .Select(tag => new ResourceTag { Key = tag.Key })],
        [.. desired
            .Where(tag => !old.TryGetValue(tag.Key, out var value) || !string.Equals(value, tag.Value, StringComparison.Ordinal))
            .OrderBy(tag => tag.Key, StringComparer.Ordinal)
            .Select(tag => new ResourceTag { Key = tag.Key, Value = tag.Value })]);

    /// <summary>The tag calls, deletes first; <paramref name="markApplied"/> runs after each call that reached the cloud.</summary>
    public async Task ApplyAsync(IVpcepClient client, TaggedResourceType type, string id, Action markApplied, CancellationToken cancellationToken)
    {
        if (ToDelete.Count > 0)
        {
            await client.UpdateTagsAsync(type, id, TagAction.Delete, ToDelete, cancellationToken).ConfigureAwait(false);
            markApplied();
        }

        if (ToCreate.Count > 0)
        {
            await client.UpdateTagsAsync(type, id, TagAction.Create, ToCreate, cancellationToken).ConfigureAwait(false);
            markApplied();
        }
    }

    /// <summary>The cloud's tag list as a map (the last value wins for a repeated key).</summary>
    public static IReadOnlyDictionary<string, string> MapOf(IEnumerable<ResourceTag> tags) =>
        tags.GroupBy(tag => tag.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Last().Value ?? "", StringComparer.Ordinal);
}
