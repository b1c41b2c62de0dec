using System.Collections.Immutable;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>
/// The default diff: compares old checked inputs with new checked inputs, top-level property by property,
/// ignoring secretness and engine-internal keys. A change to a property the schema marks
/// <c>replaceOnChanges</c> is a replace; every other change is an update in place. Changed objects
/// (maps) are reported per key so users see exactly which entry moved. Optional+computed inputs (see
/// <see cref="Models.PropertyFlags.OptionalComputed"/>) are compared only where the new inputs set them.
/// </summary>
public sealed class PropertyDiffer(IReadOnlySet<string> replaceOnChanges, IReadOnlySet<string>? optionalComputed = null)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<string> ReplaceOnChanges { get; } = replaceOnChanges;

    public IReadOnlySet<string> OptionalComputed { get; } = optionalComputed ?? None;

    public DiffResult Diff(DiffRequest request)
    {
        var oldInputs = request.OldInputs;
        var detailed = ImmutableSortedDictionary.CreateBuilder<string, PropertyDiffKind>(StringComparer.Ordinal);
        var keys = oldInputs.Keys.Union(request.NewInputs.Keys).Where(key => !IsInternal(key) && !request.IgnoreChanges.Contains(key));

        foreach (var key in keys)
        {
            var oldValue = oldInputs.GetOrNull(key);
            var newValue = request.NewInputs.GetOrNull(key);
            if (OptionalComputed.Contains(key))
            {
                if (newValue.IsNull)
                {
                    // Left out: the cloud's choice stands, whatever the old inputs said.
                    continue;
                }

                // Not written before: what the program now asks for is compared with what the cloud chose.
                oldValue = oldValue.IsNull ? request.OldState.GetOrNull(key) : oldValue;
            }

            if (!newValue.IsUnknown && oldValue.ValueEquals(newValue))
            {
                continue;
            }

            var replaces = ReplaceOnChanges.Contains(key);
            if (!replaces && oldValue.TryGetObject(out var oldMap) && newValue.TryGetObject(out var newMap))
            {
                AddMapEntries(detailed, key, oldMap, newMap);
                continue;
            }

            detailed[key] = KindOf(oldValue, newValue, replaces);
        }

        return new DiffResult { DetailedDiff = detailed.ToImmutable() };
    }

    public static PropertyDiffKind KindOf(PropertyValue oldValue, PropertyValue newValue, bool replaces) =>
        (oldValue.IsNull, newValue.IsNull) switch
        {
            (true, _) => replaces ? PropertyDiffKind.AddReplace : PropertyDiffKind.Add,
            (_, true) => replaces ? PropertyDiffKind.DeleteReplace : PropertyDiffKind.Delete,
            _ => replaces ? PropertyDiffKind.UpdateReplace : PropertyDiffKind.Update,
        };

    private static void AddMapEntries(
        ImmutableSortedDictionary<string, PropertyDiffKind>.Builder detailed, string key, PropertyMap oldMap, PropertyMap newMap)
    {
        foreach (var entry in oldMap.Keys.Union(newMap.Keys))
        {
            var oldValue = oldMap.GetOrNull(entry);
            var newValue = newMap.GetOrNull(entry);
            if (newValue.IsUnknown || !oldValue.ValueEquals(newValue))
            {
                detailed[PropertyPath.Child(key, entry)] = KindOf(oldValue, newValue, replaces: false);
            }
        }
    }

    private static bool IsInternal(string key) => key.StartsWith("__", StringComparison.Ordinal);
}
