namespace Otc.ProviderHost.Server;

/// <summary>Name and type from a URN (<c>urn:pulumi:stack::project::parent$type::name</c>), for engines that do not send them separately.</summary>
internal static class UrnParts
{
    public static string NameOf(string urn)
    {
        var index = urn.LastIndexOf("::", StringComparison.Ordinal);
        return index < 0 ? string.Empty : urn[(index + 2)..];
    }

    public static string TypeOf(string urn)
    {
        var parts = urn.Split("::");
        if (parts.Length < 4)
        {
            return string.Empty;
        }

        var qualifiedType = parts[2];
        var index = qualifiedType.LastIndexOf('$');
        return index < 0 ? qualifiedType : qualifiedType[(index + 1)..];
    }
}
