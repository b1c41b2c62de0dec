using Otc.Provider.Resources.VpcEndpointService;
using EndpointHandler = Otc.Provider.Resources.VpcEndpoint.VpcEndpointHandler;
using EndpointNames = Otc.Provider.Resources.VpcEndpoint.VpcEndpointInputs.Names;
using ServiceNames = Otc.Provider.Resources.VpcEndpointService.VpcEndpointServiceInputs.Names;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// What each region's VPCEP API reference documents, where the references differ (the one place; <c>docs/regions.md</c>
/// shows the same table with the pages). eu-de and eu-nl share one reference (docs.otc.t-systems.com, sources
/// <c>opentelekomcloud-docs/vpc-endpoint</c>); eu-ch2 has its own (docs.sc.otc.t-systems.com, sources
/// <c>opentelekomcloud-docs-swiss/vpc-endpoint</c>). Check warns, and never refuses, when a program uses an input its
/// configured region's reference does not document: the cloud may still take it, and the warning says why a create
/// might fail there.
/// </summary>
internal static class RegionReferences
{
    public const string Swiss = "eu-ch2";

    /// <summary>The regions whose references the table covers; any other region gets no warning.</summary>
    public static IReadOnlyList<string> Regions { get; } = ["eu-de", "eu-nl", Swiss];

    /// <summary>The inputs some region's reference leaves out, with the API field they become and the operation.</summary>
    public static IReadOnlyList<RegionalInput> NotDocumentedEverywhere { get; } =
    [
        new(VpcEndpointServiceHandler.TypeToken, ServiceNames.PoolId, "pool_id", "creating a VPC endpoint service", [Swiss]),
        new(VpcEndpointServiceHandler.TypeToken, ServiceNames.Description, "description", "creating or modifying a VPC endpoint service", [Swiss]),
        new(EndpointHandler.TypeToken, EndpointNames.Description, "description", "creating a VPC endpoint", [Swiss]),
        new(EndpointHandler.TypeToken, EndpointNames.PolicyStatements, "policy_statement", "creating a VPC endpoint", [Swiss]),
    ];

    /// <summary>One warning per input of <paramref name="inputsSet"/> that <paramref name="region"/>'s reference does not document.</summary>
    public static IEnumerable<string> Warnings(string resourceToken, string? region, IEnumerable<string> inputsSet)
    {
        if (region is null)
        {
            yield break;
        }

        var used = inputsSet.ToHashSet(StringComparer.Ordinal);
        foreach (var input in NotDocumentedEverywhere)
        {
            if (input.ResourceToken == resourceToken && used.Contains(input.Input) && input.UndocumentedIn.Contains(region, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{input.Input}: the {region} API reference does not document '{input.Field}' for {input.Operation} "
                    + $"(the {string.Join(" and ", Regions.Where(other => !input.UndocumentedIn.Contains(other)))} reference does), "
                    + $"so the cloud in {region} may refuse or ignore it; leave '{input.Input}' out for {region} (see the provider's docs/regions.md)";
            }
        }
    }
}

/// <param name="ResourceToken">The resource's type token.</param>
/// <param name="Input">The input's name, as the schema spells it.</param>
/// <param name="Field">The API's field.</param>
/// <param name="Operation">The API operations that take the field.</param>
/// <param name="UndocumentedIn">The regions whose API reference does not document it.</param>
internal sealed record RegionalInput(string ResourceToken, string Input, string Field, string Operation, IReadOnlyList<string> UndocumentedIn);
