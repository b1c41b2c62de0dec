using System.Globalization;
using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>Tag management and tag queries for endpoint services and endpoints.</summary>
internal sealed partial class CloudStore
{
    public void ActOnTags(string projectId, string resourceType, string resourceId, TagActionBody body)
    {
        TagRules.ResourceType(resourceType);
        if (body.Action is not ("create" or "delete"))
        {
            throw ApiError.BadRequest("EndPoint.0007", "Invalid action: use create or delete.");
        }

        if (body.Tags is not { Count: > 0 })
        {
            throw ApiError.BadRequest("EndPoint.3066", "The tag list is empty.");
        }

        var requested = body.Action == "create"
            ? TagRules.Validate(body.Tags)
            : [.. body.Tags.Select(tag => TagRules.Validate(tag, requireValue: false))];

        Write(_ =>
        {
            var tags = resourceType == "endpoint_service"
                ? FindService(projectId, resourceId).Tags
                : FindEndpoint(projectId, resourceId).Tags;
            if (body.Action == "create")
            {
                var merged = tags.Where(tag => requested.All(added => added.Key != tag.Key)).Concat(requested).ToList();
                if (merged.Count > TagRules.MaxTags)
                {
                    throw ApiError.BadRequest("EndPoint.3069", "The number of tags exceeds the maximum of 20.");
                }

                tags.Clear();
                tags.AddRange(merged);
            }
            else
            {
                tags.RemoveAll(tag => requested.Any(removed => removed.Key == tag.Key && (removed.Value is null || removed.Value == tag.Value)));
            }

            return tags;
        });
    }

    public object ListTags(string projectId, string resourceType)
    {
        TagRules.ResourceType(resourceType);
        return Read(_ => new
        {
            tags = TaggedResources(projectId, resourceType)
                .SelectMany(resource => resource.Tags)
                .GroupBy(tag => tag.Key, StringComparer.Ordinal)
                .Select(group => new { key = group.Key, values = group.Select(tag => tag.Value).Distinct(StringComparer.Ordinal).ToList() })
                .ToList(),
        });
    }

    public object QueryResourcesByTag(string projectId, string resourceType, ResourceInstancesBody body)
    {
        TagRules.ResourceType(resourceType);
        if (body.Action is not ("filter" or "count"))
        {
            throw ApiError.BadRequest("EndPoint.0007", "Invalid action: use filter or count.");
        }

        var limit = ParseStringNumber(body.Limit, 1000, "EndPoint.0006", "Invalid limit.");
        if (limit is < 1 or > 1000)
        {
            throw ApiError.BadRequest("EndPoint.0006", "Invalid limit: use 1 to 1000.");
        }

        var offset = ParseStringNumber(body.Offset, 0, "EndPoint.0010", "Invalid offset.");
        if (offset < 0)
        {
            throw ApiError.BadRequest("EndPoint.0010", "Invalid offset.");
        }

        return Read(_ =>
        {
            var matches = TaggedResources(projectId, resourceType)
                .Where(resource => body.Tags is null || body.Tags.All(filter => HasTag(resource.Tags, filter)))
                .Where(resource => body.TagsAny is null || body.TagsAny.Count == 0 || body.TagsAny.Any(filter => HasTag(resource.Tags, filter)))
                .Where(resource => body.NotTags is null || body.NotTags.Count == 0 || !body.NotTags.All(filter => HasTag(resource.Tags, filter)))
                .Where(resource => body.NotTagsAny is null || !body.NotTagsAny.Any(filter => HasTag(resource.Tags, filter)))
                .Where(resource => body.Matches is null || body.Matches.All(match => match.Key != "resource_name" || FuzzyContains(resource.Name, match.Value)))
                .ToList();
            if (body.Action == "count")
            {
                return (object)new { total_count = matches.Count };
            }

            return new
            {
                resources = matches.Skip(offset).Take(limit).Select(resource => new
                {
                    resource_id = resource.Id,
                    resource_name = resource.Name,
                    tags = resource.Tags.Select(tag => new TagView(tag.Key, tag.Value)).ToList(),
                }).ToList(),
                total_count = matches.Count,
            };
        });
    }

    private IEnumerable<(string Id, string Name, List<ResourceTag> Tags)> TaggedResources(string projectId, string resourceType) =>
        resourceType == "endpoint_service"
            ? _state.Services.Where(service => service.ProjectId == projectId).OrderBy(service => service.Sequence).Select(service => (service.Id, service.FullName(Region), service.Tags))
            : _state.Endpoints.Where(endpoint => endpoint.ProjectId == projectId).OrderBy(endpoint => endpoint.Sequence).Select(endpoint => (endpoint.Id, endpoint.ServiceName, endpoint.Tags));

    private static bool HasTag(List<ResourceTag> tags, TagFilter filter) =>
        tags.Any(tag => tag.Key == filter.Key && (filter.Values is null || filter.Values.Count == 0 || filter.Values.Contains(tag.Value)));

    private static int ParseStringNumber(string? raw, int fallback, string code, string message) =>
        string.IsNullOrEmpty(raw)
            ? fallback
            : int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw ApiError.BadRequest(code, message);
}
