using System.Collections.Generic;
using Pulumi;
using Pulumi.Otc.Vpcep;
using Pulumi.Otc.Vpcep.Inputs;

namespace VpcepStackReference;

/// <summary>
/// The owner's service where another stack owns the network: the network team's stack creates the VPC and the load
/// balancer and exports <c>vpcId</c> and <c>loadBalancerVipPortId</c> (the port of the load balancer's private IP);
/// this stack reads them through a <see cref="StackReference"/> and publishes that port as an endpoint service.
/// </summary>
public static class ServiceFromNetworkStack
{
    /// <summary>Declares the service and returns the stack outputs consumers need.</summary>
    public static IDictionary<string, object?> Declare()
    {
        var config = new Config();
        var network = new StackReference(config.Require("networkStack"));

        var service = new VpcEndpointService("web", new VpcEndpointServiceArgs
        {
            PortId = network.RequireOutput("loadBalancerVipPortId").Apply(id => (string)id),
            VpcId = network.RequireOutput("vpcId").Apply(id => (string)id),
            ServerType = ServerType.LB,
            ServiceName = "web",
            Ports =
            {
                new PortMappingArgs { ClientPort = 443, ServerPort = 443 },
            },
            ApprovalEnabled = true,
            Permissions = { config.Require("consumerDomainId") },
        });

        return new Dictionary<string, object?>
        {
            // What consumers connect to, and look up with getVpcEndpointService.
            ["fullServiceName"] = service.FullServiceName,
            ["serviceId"] = service.Id,
        };
    }
}
