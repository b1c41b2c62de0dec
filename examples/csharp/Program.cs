using System.Collections.Generic;
using Pulumi;
using Pulumi.Otc.Vpcep;
using Pulumi.Otc.Vpcep.Inputs;

return await Deployment.RunAsync(() =>
{
    // The backend's identifiers differ per environment, so they come from stack config (see Pulumi.dev.yaml).
    var config = new Config();

    var service = new VpcEndpointService("web", new VpcEndpointServiceArgs
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
    });

    return new Dictionary<string, object?>
    {
        ["fullServiceName"] = service.FullServiceName,
        ["serviceId"] = service.Id,
        ["status"] = service.Status,
    };
});
