using System.Globalization;
using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>The paging and sorting parameters shared by the list APIs, with their documented error codes.</summary>
/// <param name="OffsetGiven">Whether the request named an offset (the strict reading refuses an explicit 0).</param>
/// <param name="Strict">
/// The list pages: offset is "an integer greater than 0 but less than the number" of records. Lenient: any offset, one
/// past the end answers an empty page; strict: an offset at or past the end of a non-empty list, or an explicit 0, is
/// refused with <c>EndPoint.0010</c>.
/// </param>
internal sealed record ListQuery(int Limit, int Offset, bool OffsetGiven, string SortKey, bool Descending, bool Strict)
{
    public const int DefaultLimit = 10;

    /// <summary>Reads the paging and sorting parameters; <see cref="EmulatorSettings.PageCap"/> cuts the page below the requested limit.</summary>
    public static ListQuery Parse(IQueryCollection query, int maxLimit, EmulatorSettings settings, params string[] sortKeys)
    {
        var limit = ParseInt(query, "limit", DefaultLimit, "EndPoint.0006", "Invalid limit.");
        if (limit < 0 || limit > maxLimit)
        {
            throw ApiError.BadRequest("EndPoint.0006", $"Invalid limit: use 0 to {maxLimit}.");
        }

        if (settings.PageCap is { } cap)
        {
            limit = Math.Min(limit, cap);
        }

        var offset = ParseInt(query, "offset", 0, "EndPoint.0010", "Invalid offset.");
        if (offset < 0)
        {
            throw ApiError.BadRequest("EndPoint.0010", "Invalid offset.");
        }

        var sortKey = query["sort_key"].ToString() is { Length: > 0 } key ? key : sortKeys[0];
        if (!sortKeys.Contains(sortKey, StringComparer.Ordinal))
        {
            throw ApiError.BadRequest("EndPoint.0017", "Invalid sort_key.");
        }

        var sortDir = query["sort_dir"].ToString() is { Length: > 0 } dir ? dir : "desc";
        if (sortDir is not ("asc" or "desc"))
        {
            throw ApiError.BadRequest("EndPoint.0018", "Invalid sort_dir.");
        }

        return new ListQuery(limit, offset, query["offset"].ToString().Length > 0, sortKey, sortDir == "desc", settings.Strict);
    }

    /// <summary>Sorts by the chosen timestamp (creation order breaks ties) and cuts the requested page.</summary>
    public List<T> Page<T>(IReadOnlyCollection<T> items, Func<T, DateTimeOffset> createdAt, Func<T, DateTimeOffset> updatedAt, Func<T, long> sequence)
    {
        if (Strict && OffsetGiven && (Offset == 0 || (items.Count > 0 && Offset >= items.Count)))
        {
            throw ApiError.BadRequest("EndPoint.0010", $"Invalid offset: it must be greater than 0 and less than the number of records ({items.Count}).");
        }

        Func<T, DateTimeOffset> key = SortKey == "updated_at" ? updatedAt : createdAt;
        var sorted = Descending
            ? items.OrderByDescending(key).ThenByDescending(sequence)
            : items.OrderBy(key).ThenBy(sequence);
        return [.. sorted.Skip(Offset).Take(Limit)];
    }

    private static int ParseInt(IQueryCollection query, string name, int fallback, string code, string message)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiError.BadRequest(code, message);
    }
}
