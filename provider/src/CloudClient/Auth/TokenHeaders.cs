namespace Otc.CloudClient;

internal static class TokenHeaders
{
    /// <summary>Carries a token on API calls.</summary>
    public const string AuthToken = "X-Auth-Token";

    /// <summary>Carries the newly issued token in the answer of <c>POST /v3/auth/tokens</c>.</summary>
    public const string SubjectToken = "X-Subject-Token";
}
