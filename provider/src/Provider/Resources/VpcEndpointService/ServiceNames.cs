namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>
/// A service's name comes in two forms: the full <c>{region}.{name}.{id}</c> (<c>{region}.{id}</c> when unnamed), which
/// the API reference describes and the live cloud answers, and the bare name the reference's example answers show.
/// Users write the short name (or paste the full one); consumers need the full one.
/// </summary>
internal static class ServiceNames
{
    /// <summary>The short name in a name a user wrote, which may be the full form; null when it names no name.</summary>
    public static string? ShortName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        // Short names cannot contain dots, so a dotted value is always the long form.
        var parts = name.Split('.');
        return parts.Length switch
        {
            1 => name,
            2 => null,
            _ => string.Join('.', parts[1..^1]),
        };
    }

    /// <summary>The short name in a name the cloud answered for service <paramref name="id"/>, in either form; null when unnamed.</summary>
    public static string? ShortName(string? answered, string id)
    {
        if (string.IsNullOrEmpty(answered))
        {
            return null;
        }

        if (!answered.EndsWith("." + id, StringComparison.Ordinal))
        {
            return answered.Contains('.', StringComparison.Ordinal) ? ShortName(answered) : answered;
        }

        // {region}.{id} or {region}.{name}.{id}: the name is what lies between the region and the id.
        var withoutId = answered[..^(id.Length + 1)];
        var firstDot = withoutId.IndexOf('.', StringComparison.Ordinal);
        return firstDot < 0 ? null : withoutId[(firstDot + 1)..];
    }

    /// <summary>
    /// The full name of service <paramref name="id"/> in <paramref name="region"/>, whichever form the cloud answered. A
    /// dotted name of another shape (OTC's public services, e.g. <c>com.t-systems.otc.eu-de.obs</c>) is already complete.
    /// </summary>
    public static string FullName(string? answered, string id, string region)
    {
        if (answered is not null && answered.Contains('.', StringComparison.Ordinal))
        {
            return answered;
        }

        return ShortName(answered, id) is { } name ? $"{region}.{name}.{id}" : $"{region}.{id}";
    }
}
