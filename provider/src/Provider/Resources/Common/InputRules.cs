using System.Text;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// Check rules shared by the VPCEP resources. Each adds at most one failure for its property, naming the property
/// and the rule; unknown values (preview) are never judged.
/// </summary>
internal static class InputRules
{
    /// <summary>Every key that is not an input of <paramref name="resource"/> (engine-internal <c>__</c> keys aside).</summary>
    public static void OnlyInputs(PropertyMap news, IReadOnlySet<string> inputs, string resource, List<CheckFailure> failures)
    {
        foreach (var key in news.Keys.Where(key => !inputs.Contains(key) && !key.StartsWith("__", StringComparison.Ordinal)))
        {
            failures.Add(new CheckFailure(key, $"'{key}' is not an input of {resource}"));
        }
    }

    public static void RequiredString(PropertyMap news, string key, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(key);
        if (value.IsUnknown)
        {
            return;
        }

        if (value.IsNull)
        {
            failures.Add(new CheckFailure(key, $"missing required property '{key}'"));
        }
        else if (!value.TryGetString(out var text))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be a string"));
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must not be empty"));
        }
    }

    public static void OptionalString(PropertyMap news, string key, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(key);
        if (!value.IsNull && !value.IsUnknown && !value.TryGetString(out _))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be a string"));
        }
    }

    public static void OptionalBoolean(PropertyMap news, string key, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(key);
        if (!value.IsNull && !value.IsUnknown && !value.TryGetBool(out _))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be a boolean"));
        }
    }

    /// <summary>At most 128 characters, without <c>&lt;</c> or <c>&gt;</c>.</summary>
    public static void Description(PropertyMap news, string key, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(key);
        if (value.IsNull || value.IsUnknown)
        {
            return;
        }

        if (!value.TryGetString(out var text))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be a string"));
        }
        else if (text.Length > VpcepLimits.MaxDescriptionLength)
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be at most {VpcepLimits.MaxDescriptionLength} characters, got {text.Length}"));
        }
        else if (text.AsSpan().IndexOfAny('<', '>') >= 0)
        {
            failures.Add(new CheckFailure(key, $"'{key}' must not contain '<' or '>'"));
        }
    }

    /// <summary>At most 20 tags; keys 1-36 and values 0-43 characters of letters, digits, <c>-</c>, <c>_</c> and <c>@</c>.</summary>
    public static void Tags(PropertyMap news, string key, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(key);
        if (value.IsNull || value.IsUnknown)
        {
            return;
        }

        if (!value.TryGetObject(out var tags))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be a map of strings"));
            return;
        }

        if (tags.Count > VpcepLimits.MaxTags)
        {
            failures.Add(new CheckFailure(key, $"'{key}' may hold at most {VpcepLimits.MaxTags} entries, got {tags.Count}"));
        }

        foreach (var (tagKey, tagValue) in tags)
        {
            var path = PropertyDiffer.ChildPath(key, tagKey);
            if (!IsTagText(tagKey, 1, VpcepLimits.MaxTagKeyLength))
            {
                failures.Add(new CheckFailure(path,
                    $"tag key must be 1-{VpcepLimits.MaxTagKeyLength} characters of letters, digits, '-', '_' and '@', got \"{tagKey}\""));
            }

            if (tagValue.IsUnknown)
            {
                continue;
            }

            if (!tagValue.TryGetString(out var text) || !IsTagText(text, 0, VpcepLimits.MaxTagValueLength))
            {
                failures.Add(new CheckFailure(path,
                    $"tag value must be 0-{VpcepLimits.MaxTagValueLength} characters of letters, digits, '-', '_' and '@', got {tagValue}"));
            }
        }
    }

    /// <summary>
    /// A list of strings each of which <paramref name="isValid"/> accepts; one failure per bad entry, named by its index.
    /// <paramref name="rule"/> completes "each entry must be ...".
    /// </summary>
    public static void StringList(PropertyMap news, string key, Func<string, bool> isValid, string rule, List<CheckFailure> failures)
    {
        var value = news.GetOrNull(key);
        if (value.IsNull || value.IsUnknown)
        {
            return;
        }

        if (!value.TryGetArray(out var items))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be a list of strings"));
            return;
        }

        for (var index = 0; index < items.Length; index++)
        {
            var item = items[index];
            if (!item.IsUnknown && (!item.TryGetString(out var text) || !isValid(text)))
            {
                failures.Add(new CheckFailure($"{key}[{index}]", $"each entry of '{key}' must be {rule}, got {item}"));
            }
        }
    }

    /// <summary><paramref name="inputs"/> with <paramref name="value"/> for <paramref name="key"/> where the program left it out.</summary>
    public static PropertyMap WithDefault(PropertyMap inputs, string key, PropertyValue value) =>
        inputs.GetOrNull(key).IsNull ? inputs.With(key, value) : inputs;

    private static bool IsTagText(string text, int minLength, int maxLength)
    {
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && rune.Value is not ('-' or '_' or '@'))
            {
                return false;
            }

            length++;
        }

        return length >= minLength && length <= maxLength;
    }
}
