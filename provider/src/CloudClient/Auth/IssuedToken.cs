namespace Otc.CloudClient;

/// <summary>An IAM token and what came with it. <see cref="RefreshAt"/> is on the local clock, so server clock skew does not matter.</summary>
internal sealed record IssuedToken(string Value, DateTimeOffset RefreshAt, string? ProjectId, string? VpcepCatalogUrl)
{
    /// <summary>Never print the token itself.</summary>
    public override string ToString() => $"IssuedToken {{ RefreshAt = {RefreshAt:O}, ProjectId = {ProjectId} }}";
}
