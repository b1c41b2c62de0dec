using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Schema;

/// <summary>
/// The schema's rules for property values, applied in one place for every resource and function (as
/// <see cref="Configuration.ConfigDecoder"/> does for config): each value must have the declared type, required
/// properties must be there, undeclared ones must not, and a property left out takes the schema's <c>default</c>.
/// Unknown values (preview) are never judged; secretness is kept at every level. Typed models read only values that
/// passed through here, so their rules start from well-typed values.
/// </summary>
public static class SchemaValues
{
    /// <summary>
    /// Check's view of a program's inputs (or a function's arguments): one failure per value that breaks a rule, naming
    /// its path, the rule and what the schema says the property is. In the returned values, defaults are applied,
    /// undeclared keys are left out (engine-internal <c>__</c> keys stay) and a value that failed is unknown, so a
    /// model's own rules, which skip unknown values, do not judge it a second time.
    /// </summary>
    /// <param name="owner">What messages call the resource or function, e.g. <c>VpcEndpointService</c>.</param>
    public static (PropertyMap Values, IReadOnlyList<CheckFailure> Failures) Check(PropertyMap values, SchemaShape shape, string owner)
    {
        var failures = new List<CheckFailure>();
        var walk = new Walk(Mode.Check, failures, owner);
        return (walk.Object(values, shape, "", topLevel: true), failures);
    }

    /// <summary>Inputs that passed Check before (the engine's stored inputs, or the new inputs of Diff and Create): defaults applied.</summary>
    /// <exception cref="PropertyDecodeException">A value breaks the schema (the engine sent inputs Check would refuse).</exception>
    public static PropertyMap ReadInputs(PropertyMap values, SchemaShape shape) =>
        new Walk(Mode.Inputs, null, "").Object(values, shape, "", topLevel: true);

    private enum Mode
    {
        Check,
        Inputs,
    }

    private sealed class Walk(Mode mode, List<CheckFailure>? failures, string owner)
    {
        public PropertyMap Object(PropertyMap map, SchemaShape shape, string path, bool topLevel)
        {
            var result = new List<KeyValuePair<string, PropertyValue>>(map.Count);
            foreach (var (key, value) in map)
            {
                if (topLevel && key.StartsWith("__", StringComparison.Ordinal))
                {
                    result.Add(KeyValuePair.Create(key, value));
                }
                else if (shape.Property(key) is null && mode == Mode.Check)
                {
                    failures!.Add(new CheckFailure(PropertyPath.Child(path, key), topLevel
                        ? $"'{key}' is not an input of {owner}"
                        : $"'{key}' is not a field of {shape.Name ?? "this object"}"));
                }
            }

            foreach (var property in shape.Properties ?? [])
            {
                var childPath = PropertyPath.Child(path, property.Name);
                var value = map.GetOrNull(property.Name);
                if (!value.IsNull)
                {
                    var checkedValue = Value(value, property.Shape, childPath, property);
                    if (!checkedValue.IsNull)
                    {
                        result.Add(KeyValuePair.Create(property.Name, checkedValue));
                    }
                }
                else if (property.Default is { } defaultValue)
                {
                    result.Add(KeyValuePair.Create(property.Name, defaultValue));
                }
                else if (property.Required)
                {
                    var replacement = Fail(childPath, $"missing required property '{property.Name}'{About(property)}");
                    if (!replacement.IsNull)
                    {
                        result.Add(KeyValuePair.Create(property.Name, replacement));
                    }
                }
            }

            return PropertyMap.From(result);
        }

        private PropertyValue Value(PropertyValue value, SchemaShape shape, string path, SchemaProperty declared)
        {
            if (value.IsUnknown || shape.Kind == ShapeKind.Any)
            {
                return value;
            }

            switch (shape.Kind)
            {
                case ShapeKind.String when value.Kind == PropertyValueKind.String:
                case ShapeKind.Boolean when value.Kind == PropertyValueKind.Bool:
                case ShapeKind.Number when value.Kind == PropertyValueKind.Number:
                case ShapeKind.Integer when value.TryGetNumber(out var number) && Math.Floor(number) == number && Math.Abs(number) <= Codec.MaxExactInteger:
                    return value;
                case ShapeKind.Array when value.TryGetArray(out var items):
                    var checkedItems = items.Select((item, index) => item.IsNull ? item : Value(item, shape.Element!, PropertyPath.Item(path, index), declared)).ToList();
                    return checkedItems.SequenceEqual(items, ReferenceEqualityComparer.Instance) ? value : PropertyValue.From(checkedItems).WithSecret(value.IsSecret);
                case ShapeKind.Map when value.TryGetObject(out var entries):
                    var checkedEntries = entries
                        .Select(entry => KeyValuePair.Create(entry.Key, entry.Value.IsNull ? entry.Value : Value(entry.Value, shape.Element!, PropertyPath.Child(path, entry.Key), declared)))
                        .Where(entry => !entry.Value.IsNull || entries[entry.Key].IsNull)
                        .ToList();
                    return checkedEntries.Count == entries.Count && checkedEntries.All(entry => ReferenceEquals(entry.Value, entries[entry.Key]))
                        ? value
                        : PropertyValue.From(PropertyMap.From(checkedEntries)).WithSecret(value.IsSecret);
                case ShapeKind.Object when value.TryGetObject(out var fields):
                    var checkedFields = Object(fields, shape, path, topLevel: false);
                    return checkedFields.Equals(fields) ? value : PropertyValue.From(checkedFields).WithSecret(value.IsSecret);
                default:
                    return Fail(path, $"'{path}' must be {shape.Phrase}, got {value}{About(declared)}");
            }
        }

        /// <summary>Reports a broken rule: in Check, a failure, and the value stands as unknown; otherwise an error.</summary>
        private PropertyValue Fail(string path, string reason) =>
            mode == Mode.Check ? Report(path, reason) : throw new PropertyDecodeException(path, reason);

        private PropertyValue Report(string path, string reason)
        {
            failures!.Add(new CheckFailure(path, reason));
            return PropertyValue.Unknown;
        }

        /// <summary>The first sentence of the property's description: what the user is asked for.</summary>
        private static string About(SchemaProperty property)
        {
            if (string.IsNullOrWhiteSpace(property.Description))
            {
                return "";
            }

            var text = property.Description.Trim();
            var end = text.IndexOf(". ", StringComparison.Ordinal);
            var sentence = (end < 0 ? text : text[..end]).TrimEnd('.');
            return $" ({sentence})";
        }
    }
}
