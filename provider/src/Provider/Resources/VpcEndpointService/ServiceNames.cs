namespace Otc.Provider.Resources.VpcEndpointService;

/// <summary>The cloud stores a service's name as <c>{region}.{name}.{id}</c> (or <c>{region}.{id}</c> when unnamed); users write the short name.</summary>
internal static class ServiceNames
{
    /// <summary>The short name in <paramref name="name"/>, which may be short already; null when the service is unnamed.</summary>
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
}
