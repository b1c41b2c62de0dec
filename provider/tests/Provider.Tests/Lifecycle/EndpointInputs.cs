using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>Program inputs of a VpcEndpoint, as a consumer's program would send them.</summary>
internal static class EndpointInputs
{
    /// <summary>The emulator's public OBS gateway service.</summary>
    public const string GatewayServiceId = "3f2c5b0e-1a4d-4c1e-9a51-6d0e3b1f0a01";

    /// <summary>An interface endpoint with the required inputs only.</summary>
    public static PropertyMap Interface(string serviceId) => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["serviceId"] = serviceId,
        ["vpcId"] = "vpc-consumer",
        ["subnetId"] = "subnet-consumer",
    });

    /// <summary>An interface endpoint with every input it takes.</summary>
    public static PropertyMap Full(string serviceId) => Interface(serviceId)
        .With("portIp", "10.1.2.3")
        .With("enableDns", true)
        .With("enableWhitelist", true)
        .With("whitelist", ServiceInputs.Strings("10.0.0.0/24", "192.168.1.1"))
        .With("description", "consumer endpoint")
        .With("tags", ServiceInputs.Tags(("env", "test")));

    public static PropertyMap Gateway() => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["serviceId"] = GatewayServiceId,
        ["vpcId"] = "vpc-consumer",
    });
}
