using System.Collections.Generic;
using Pulumi;
using Pulumi.Otc.Vpcep;
using Pulumi.Otc.Vpcep.Inputs;

namespace VpcepExample;

/// <summary>
/// The stack's resources, declared in a function of their own so that tests can run them under Pulumi's test
/// framework (Deployment.TestAsync with mocks) exactly as Program.cs runs them under the engine.
/// </summary>
public static class WebService
{
    /// <summary>Declares the VPC endpoint service and returns the stack outputs.</summary>
    /// <param name="options">Resource options for the service, for example an explicit provider.</param>
    public static IDictionary<string, object?> Declare(CustomResourceOptions? options = null)
    {
        var service = Publish(options);
        return new Dictionary<string, object?>
        {
            ["fullServiceName"] = service.FullServiceName,
            ["serviceId"] = service.Id,
            ["status"] = service.Status,
            ["ports"] = service.Ports,
        };
    }

    /// <summary>The VPC endpoint service: a load balancer published on two ports, connections need the owner's approval.</summary>
    public static VpcEndpointService Publish(CustomResourceOptions? options = null)
    {
        // The backend's identifiers differ per environment, so they come from stack config (see Pulumi.dev.yaml).
        var config = new Config();

        return new VpcEndpointService("web", new VpcEndpointServiceArgs
        {
            PortId = config.Require("portId"),
            VpcId = config.Require("vpcId"),
            ServerType = ServerType.LB,
            ServiceName = "web",
            Description = "Web front end, published to partner accounts",
            ApprovalEnabled = true,
            TcpProxy = TcpProxy.Close,
            Ports =
            {
                new PortMappingArgs { ClientPort = 80, ServerPort = 8080 },
                new PortMappingArgs { ClientPort = 443, ServerPort = 8443 },
            },
            Tags =
            {
                { "team", "platform" },
                { "env", "dev" },
            },
            // Accounts (domain IDs) allowed to connect endpoints; "*" would allow everyone.
            Permissions = { "d0000000000000000000000000000002" },
        }, options);
    }
}
