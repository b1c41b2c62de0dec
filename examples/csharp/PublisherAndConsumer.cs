using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Pulumi;
using Pulumi.Otc.Vpcep;

namespace VpcepExample;

/// <summary>
/// The whole VPCEP workflow in one program: the owner publishes the service (<see cref="WebService.Publish"/>) with
/// approval on; a consumer finds it by the full name the owner hands out and connects a VPC endpoint, which waits in
/// pendingAcceptance; the owner's approval resource accepts it. Here both sides use one account; in real life the
/// consumer's half (the lookup and the endpoint) lives in the consumer's own stack, whose account the service's
/// <c>Permissions</c> must list.
/// </summary>
public static class PublisherAndConsumer
{
    /// <summary>Declares the service, the lookup, the endpoint and the approval, and returns the stack outputs.</summary>
    /// <param name="options">Resource options for every resource (and the lookup), for example an explicit provider.</param>
    public static IDictionary<string, object?> Declare(CustomResourceOptions? options = null)
    {
        var config = new Config();
        var service = WebService.Publish(options);

        // The consumer knows only the name: the lookup works from any account the service whitelists.
        var found = GetVpcEndpointService.Invoke(
            new GetVpcEndpointServiceInvokeArgs { Name = service.FullServiceName },
            new InvokeOptions { Provider = options?.Provider });

        var endpoint = new VpcEndpoint("shop-to-web", new VpcEndpointArgs
        {
            ServiceId = found.Apply(result => result.Id),
            VpcId = config.Require("consumerVpcId"),
            SubnetId = config.Require("consumerSubnetId"),
            EnableDns = true,
            Tags = { { "team", "shop" } },
        }, options);

        // The owner accepts the endpoint; taking it off this list later rejects its connection.
        var approval = new VpcEndpointApproval("web-approvals", new VpcEndpointApprovalArgs
        {
            ServiceId = service.Id,
            EndpointIds = { endpoint.Id },
        }, options);

        return new Dictionary<string, object?>
        {
            ["fullServiceName"] = service.FullServiceName,
            ["serviceId"] = service.Id,
            ["foundServiceId"] = found.Apply(result => result.Id),
            ["endpointId"] = endpoint.Id,
            ["endpointStatusAtCreation"] = endpoint.Status,
            ["approvedEndpointIds"] = approval.EndpointIds,
            ["connectionStatuses"] = approval.Connections.Apply(connections =>
                connections.ToImmutableDictionary(connection => connection.EndpointId, connection => connection.Status ?? "")),
        };
    }
}
