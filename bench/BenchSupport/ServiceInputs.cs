using Otc.ProviderHost.Values;

namespace Otc.Bench.Support;

/// <summary>Program inputs of one benchmark service: its own backend port, a shared VPC, and the given port mappings.</summary>
public static class ServiceInputs
{
    public static PropertyMap For(string name, params (int Client, int Server)[] ports) => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["portId"] = "port-" + name,
        ["vpcId"] = "vpc-bench",
        ["serverType"] = "VM",
        ["serviceName"] = name,
        ["ports"] = PropertyValue.From(ports.Select(port => PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["clientPort"] = port.Client,
            ["serverPort"] = port.Server,
            ["protocol"] = "TCP",
        })))),
    });
}
