namespace Otc.Provider.Resources.Common;

/// <summary>Limits the VPCEP API reference sets for every resource that has them (services and endpoints alike).</summary>
internal static class VpcepLimits
{
    public const int MaxDescriptionLength = 128;
    public const int MaxTags = 20;
    public const int MaxTagKeyLength = 36;
    public const int MaxTagValueLength = 43;

    /// <summary>A gateway endpoint's policy: "Array length: 0-10" (eu-de, creating a VPC endpoint).</summary>
    public const int MaxPolicyStatements = 10;
}
