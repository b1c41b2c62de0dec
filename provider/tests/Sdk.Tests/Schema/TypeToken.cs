namespace Otc.Sdk.Tests.Schema;

/// <summary>A <c>package:module:Member</c> token.</summary>
public sealed record TypeToken(string Package, string Module, string Member)
{
    public static TypeToken Parse(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3)
        {
            throw new FormatException($"'{token}' is not a package:module:Member token.");
        }
        return new TypeToken(parts[0], parts[1], parts[2]);
    }
}
