using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>Program inputs of a VpcEndpointService, as a user's program would send them.</summary>
internal static class ServiceInputs
{
    public static string NewPortId() => "port-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A service with two port mappings, a name, a description, one tag and one whitelisted domain.</summary>
    public static PropertyMap Base(string portId) => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["portId"] = portId,
        ["vpcId"] = "vpc-lifecycle",
        ["serverType"] = "LB",
        ["serviceName"] = "lifecycle",
        ["approvalEnabled"] = true,
        ["tcpProxy"] = "close",
        ["description"] = "lifecycle test service",
        ["ports"] = Ports((80, 8080), (443, 8443)),
        ["tags"] = PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue> { ["env"] = "test" })),
        ["permissions"] = Strings("d0000000000000000000000000000009"),
    });

    public static PropertyValue Ports(params (int Client, int Server)[] ports) =>
        PropertyValue.From(ports.Select(port => PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["clientPort"] = port.Client,
            ["serverPort"] = port.Server,
            ["protocol"] = "TCP",
        }))));

    public static PropertyValue Tags(params (string Key, string Value)[] tags) =>
        PropertyValue.From(PropertyMap.From(tags.Select(tag => KeyValuePair.Create(tag.Key, PropertyValue.From(tag.Value)))));

    public static PropertyValue Strings(params string[] values) => PropertyValue.From(values.Select(value => PropertyValue.From(value)));
}
