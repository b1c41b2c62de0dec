using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>Tag rules: at most 20, key 1–36 and value 0–43 characters of Unicode letters, digits, -, _ and @.</summary>
internal static class TagRules
{
    public const int MaxTags = 20;
    public const int MaxKeyLength = 36;
    public const int MaxValueLength = 43;

    public static readonly string[] ResourceTypes = ["endpoint_service", "endpoint"];

    public static List<ResourceTag> Validate(List<TagBody>? tags)
    {
        if (tags is null)
        {
            return [];
        }

        if (tags.Count > MaxTags)
        {
            throw ApiError.BadRequest("EndPoint.3069", "The number of tags exceeds the maximum of 20.");
        }

        var result = new List<ResourceTag>(tags.Count);
        foreach (var tag in tags)
        {
            var validated = Validate(tag, requireValue: true);
            if (result.Any(existing => existing.Key == validated.Key))
            {
                throw ApiError.BadRequest("EndPoint.3067", $"Duplicate tag key '{validated.Key}'.");
            }

            result.Add(validated);
        }

        return result;
    }

    /// <summary>Checks one tag; on delete the value may be absent (null value = delete by key).</summary>
    public static ResourceTag Validate(TagBody? tag, bool requireValue)
    {
        if (tag?.Key is null || string.IsNullOrWhiteSpace(tag.Key))
        {
            throw ApiError.BadRequest("EndPoint.3066", "The tag key is empty.");
        }

        if (tag.Key.Length > MaxKeyLength)
        {
            throw ApiError.BadRequest("EndPoint.3072", "The tag key is longer than 36 characters.");
        }

        if (!tag.Key.All(IsAllowed))
        {
            throw ApiError.BadRequest("EndPoint.3068", "The tag key contains invalid characters.");
        }

        var value = tag.Value ?? (requireValue ? string.Empty : null);
        if (value is not null)
        {
            if (value.Length > MaxValueLength)
            {
                throw ApiError.BadRequest("EndPoint.3073", "The tag value is longer than 43 characters.");
            }

            if (!value.All(IsAllowed))
            {
                throw ApiError.BadRequest("EndPoint.3068", "The tag value contains invalid characters.");
            }
        }

        return new ResourceTag(tag.Key, value!);
    }

    public static string ResourceType(string resourceType) =>
        ResourceTypes.Contains(resourceType, StringComparer.Ordinal)
            ? resourceType
            : throw ApiError.BadRequest("EndPoint.3070", "Invalid resource type: use endpoint_service or endpoint.");

    private static bool IsAllowed(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '@';
}
