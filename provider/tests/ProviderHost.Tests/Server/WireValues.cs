using Google.Protobuf.WellKnownTypes;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Tests.Server;

/// <summary>Builds request payloads from property maps (the codec itself is covered by its own tests).</summary>
internal static class WireValues
{
    public static Struct Wire(params (string Key, PropertyValue Value)[] entries) => PropertyCodec.Encode(Map(entries));

    public static PropertyMap Map(params (string Key, PropertyValue Value)[] entries) =>
        PropertyMap.From(entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)));

    public static PropertyMap Decode(Struct wire) => PropertyCodec.Decode(wire);

    public static PropertyValue Tags(params (string Key, PropertyValue Value)[] entries) => PropertyValue.From(Map(entries));
}
