using System.Diagnostics.CodeAnalysis;
using System.Text;
using Newtonsoft.Json;

namespace Otc.CloudClient;

/// <summary>
/// The one place JSON is read and written. Newtonsoft binds by reflection, so the trimmer must be told
/// to keep every wire type's members: the type parameters carry <see cref="DynamicallyAccessedMembersAttribute"/>
/// and the nested types, which those annotations do not reach, are rooted with <see cref="DynamicDependencyAttribute"/>.
/// Public so that the cost of binding can be measured on its own (the client benchmark).
/// </summary>
public static class WireJson
{
    private const DynamicallyAccessedMemberTypes BoundMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors
        | DynamicallyAccessedMemberTypes.NonPublicConstructors
        | DynamicallyAccessedMemberTypes.PublicProperties
        | DynamicallyAccessedMemberTypes.NonPublicProperties;

    private const string TrimJustification =
        "Every type bound here is a sealed model of this assembly whose constructors and properties are kept by the annotations above; none has polymorphic or object-typed members.";

    private const string AotJustification =
        "The models hold only strings, numbers, booleans and List<reference type>, which need no runtime code generation; Newtonsoft falls back to reflection when dynamic code is unsupported.";

    private static readonly JsonSerializerSettings Settings = new()
    {
        // Absent and null are the same on this API; nulls must not overwrite list defaults either.
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        // Timestamps stay the strings the cloud sent instead of being reformatted through DateTime.
        DateParseHandling = DateParseHandling.None,
        // A fractional literal keeps its digits; no number is ever read through a double.
        FloatParseHandling = FloatParseHandling.Decimal,
        Formatting = Formatting.None,
    };

    [DynamicDependency(BoundMembers, typeof(EndpointService))]
    [DynamicDependency(BoundMembers, typeof(PortMapping))]
    [DynamicDependency(BoundMembers, typeof(ResourceTag))]
    [DynamicDependency(BoundMembers, typeof(ServiceError))]
    [DynamicDependency(BoundMembers, typeof(ServicePermission))]
    [DynamicDependency(BoundMembers, typeof(ServiceConnection))]
    [DynamicDependency(BoundMembers, typeof(PublicService))]
    [DynamicDependency(BoundMembers, typeof(QuotaEntry))]
    [DynamicDependency(BoundMembers, typeof(QuotaResources))]
    [DynamicDependency(BoundMembers, typeof(VpcEndpoint))]
    [DynamicDependency(BoundMembers, typeof(PolicyStatement))]
    [DynamicDependency(BoundMembers, typeof(ExactIntegerConverter))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimJustification)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = AotJustification)]
    public static T Deserialize<[DynamicallyAccessedMembers(BoundMembers)] T>(string json, string operation)
        where T : class
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(json, Settings)
                ?? throw new OtcTransportException(operation, $"{operation} returned an empty body where JSON was expected.");
        }
        catch (JsonException ex)
        {
            // The message names the operation and the JSON position only; bodies never go into messages.
            throw new OtcTransportException(operation, $"{operation} returned a body that is not the expected JSON ({ex.GetType().Name}).", ex);
        }
    }

    [DynamicDependency(BoundMembers, typeof(PortMapping))]
    [DynamicDependency(BoundMembers, typeof(ResourceTag))]
    [DynamicDependency(BoundMembers, typeof(PolicyStatement))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimJustification)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = AotJustification)]
    public static byte[] SerializeToUtf8<[DynamicallyAccessedMembers(BoundMembers)] T>(T value)
        where T : class
        => Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value, typeof(T), Settings));
}
