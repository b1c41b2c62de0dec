using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Otc.Emulator.Auth;

/// <summary>A token and what it grants: its domain, its project (null for a domain-scoped token) and its expiry.</summary>
internal sealed record TokenGrant(string UserId, string DomainId, string? ProjectId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>Tokens issued by the emulated IAM plus the pre-issued static ones.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, TokenGrant> _tokens = new(StringComparer.Ordinal);

    public TokenStore()
    {
        _tokens[EmulatorAccounts.StaticToken] = new TokenGrant(
            EmulatorAccounts.UserId, EmulatorAccounts.DomainId, EmulatorAccounts.DefaultProjectId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        _tokens[EmulatorAccounts.ForeignStaticToken] = new TokenGrant(
            EmulatorAccounts.ForeignUserId, EmulatorAccounts.ForeignDomainId, EmulatorAccounts.ForeignProjectId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
    }

    public string Issue(TokenGrant grant)
    {
        // Real tokens are long opaque strings; length matters to clients that log or store them.
        var token = "MII" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('/', '-').Replace('+', '_');
        _tokens[token] = grant;
        return token;
    }

    /// <summary>Forgets every token IAM issued (the static ones stay), as a password change does; returns how many.</summary>
    public int RevokeIssued()
    {
        var revoked = 0;
        foreach (var token in _tokens.Keys)
        {
            if (token is not EmulatorAccounts.StaticToken and not EmulatorAccounts.ForeignStaticToken && _tokens.TryRemove(token, out _))
            {
                revoked++;
            }
        }

        return revoked;
    }

    public TokenGrant? Find(string token) => _tokens.TryGetValue(token, out var grant) ? grant : null;
}
