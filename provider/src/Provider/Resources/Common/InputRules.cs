using System.Text;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// Check rules shared by the VPCEP resources, on typed inputs whose types, requiredness and defaults the host has
/// checked against the schema. Each adds at most one failure per value, naming its path and the rule; absent and
/// unknown values (preview) are never judged.
/// </summary>
internal static class InputRules
{
    /// <summary>A given string must hold more than white space.</summary>
    public static void NotBlank(Input<string> value, string key, List<CheckFailure> failures)
    {
        if (value.TryGetValue(out var text) && string.IsNullOrWhiteSpace(text))
        {
            failures.Add(new CheckFailure(key, $"'{key}' must not be empty"));
        }
    }

    /// <summary>One of <paramref name="allowed"/>, in any case.</summary>
    public static void OneOf(Input<string> value, string key, Vocabulary allowed, List<CheckFailure> failures, string? why = null)
    {
        if (value.TryGetValue(out var text) && allowed.Canonical(text) is null)
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be one of {allowed}{(why is null ? " (case-insensitive)" : ": " + why)}, got {Shown(value)}"));
        }
    }

    /// <summary>At most 128 characters, without <c>&lt;</c> or <c>&gt;</c>.</summary>
    public static void Description(Input<string> value, string key, List<CheckFailure> failures)
    {
        if (!value.TryGetValue(out var text))
        {
            return;
        }

        if (text.Length > VpcepLimits.MaxDescriptionLength)
        {
            failures.Add(new CheckFailure(key, $"'{key}' must be at most {VpcepLimits.MaxDescriptionLength} characters, got {text.Length}"));
        }
        else if (text.AsSpan().IndexOfAny('<', '>') >= 0)
        {
            failures.Add(new CheckFailure(key, $"'{key}' must not contain '<' or '>'"));
        }
    }

    /// <summary>At most 20 tags; keys 1-36 and values 0-43 characters of letters, digits, <c>-</c>, <c>_</c> and <c>@</c>.</summary>
    public static void Tags(Input<InputMap<string>> value, string key, List<CheckFailure> failures)
    {
        if (!value.TryGetValue(out var tags))
        {
            return;
        }

        if (tags.Count > VpcepLimits.MaxTags)
        {
            failures.Add(new CheckFailure(key, $"'{key}' may hold at most {VpcepLimits.MaxTags} entries, got {tags.Count}"));
        }

        foreach (var (tagKey, tagValue) in tags)
        {
            var path = PropertyPath.Child(key, tagKey);
            if (!IsTagText(tagKey, 1, VpcepLimits.MaxTagKeyLength))
            {
                failures.Add(new CheckFailure(path,
                    $"tag key must be 1-{VpcepLimits.MaxTagKeyLength} characters of letters, digits, '-', '_' and '@', got \"{tagKey}\""));
            }

            if (tagValue.TryGetValue(out var text) && !IsTagText(text, 0, VpcepLimits.MaxTagValueLength))
            {
                failures.Add(new CheckFailure(path,
                    $"tag value must be 0-{VpcepLimits.MaxTagValueLength} characters of letters, digits, '-', '_' and '@', got {Shown(tagValue)}"));
            }
        }
    }

    /// <summary>
    /// Every entry of a list must satisfy <paramref name="isValid"/>; one failure per bad entry, named by its index.
    /// <paramref name="rule"/> completes "each entry must be ...".
    /// </summary>
    public static void EachEntry(Input<InputList<string>> value, string key, Func<string, bool> isValid, string rule, List<CheckFailure> failures) =>
        EachEntry(value, key, isValid, shown => $"each entry of '{key}' must be {rule}, got {shown}", failures);

    /// <summary>The same, with the whole reason written by <paramref name="reason"/> from the entry as messages show it.</summary>
    public static void EachEntry(Input<InputList<string>> value, string key, Func<string, bool> isValid, Func<string, string> reason, List<CheckFailure> failures)
    {
        if (!value.TryGetValue(out var items))
        {
            return;
        }

        for (var index = 0; index < items.Count; index++)
        {
            if (items[index].TryGetValue(out var text) && !isValid(text))
            {
                failures.Add(new CheckFailure(PropertyPath.Item(key, index), reason(Shown(items[index]))));
            }
        }
    }

    /// <summary>No entry twice: the second place of a repeated entry is named.</summary>
    public static void NoRepeats(Input<InputList<string>> value, string key, Func<string, string> describe, List<CheckFailure> failures)
    {
        if (!value.TryGetValue(out var items))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            if (items[index].TryGetValue(out var text) && !seen.Add(text))
            {
                failures.Add(new CheckFailure(PropertyPath.Item(key, index), describe(text)));
            }
        }
    }

    /// <summary>How a message shows a value: quoted, or <c>[secret]</c>.</summary>
    public static string Shown(Input<string> value) => value.IsSecret ? "[secret]" : $"\"{value.ValueOrDefault}\"";

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
