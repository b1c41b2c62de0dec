using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

/// <summary>Short builders for property maps in tests.</summary>
internal static class Props
{
    public static PropertyMap Map(params (string Key, PropertyValue Value)[] entries) =>
        PropertyMap.From(entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)));

    public static PropertyValue Object(params (string Key, PropertyValue Value)[] entries) => PropertyValue.From(Map(entries));

    public static PropertyValue List(params PropertyValue[] items) => PropertyValue.From(items);

    public static PropertyValue Strings(params string[] items) => PropertyValue.From(items.Select(PropertyValue.From));

    public static PropertyValue Port(double clientPort, double serverPort, string? protocol = "TCP") => protocol is null
        ? Object(("clientPort", clientPort), ("serverPort", serverPort))
        : Object(("clientPort", clientPort), ("serverPort", serverPort), ("protocol", protocol));

    /// <summary>Valid program inputs with only the required properties, as a user would write them.</summary>
    public static PropertyMap MinimalInputs() => Map(
        ("portId", "port-1"),
        ("vpcId", "vpc-1"),
        ("serverType", "LB"),
        ("ports", List(Port(80, 8080))));

    /// <summary>Checked inputs using every property.</summary>
    public static PropertyMap FullInputs() => Map(
        ("portId", "port-1"),
        ("vpcId", "vpc-1"),
        ("serverType", "LB"),
        ("serviceType", "interface"),
        ("poolId", "pool-1"),
        ("serviceName", "svc"),
        ("approvalEnabled", true),
        ("ports", List(Port(80, 8080), Port(443, 8443))),
        ("tcpProxy", "close"),
        ("description", "a service"),
        ("tags", Object(("env", "test"), ("team", "net"))),
        ("permissions", Strings("d1", "d2")));
}
