using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Tests.Values;

public sealed class PropertyCodecTests
{
    private static readonly string[] AllUnknownSentinels =
    [
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    ];

    [Test]
    public void PlainValues_RoundTrip()
    {
        var wire = Struct(
            ("null", Value.ForNull()),
            ("bool", Value.ForBool(true)),
            ("number", Value.ForNumber(8080)),
            ("string", Value.ForString("hello")),
            ("list", Value.ForList(Value.ForNumber(1), Value.ForString("two"))),
            ("object", Value.ForStruct(Struct(("inner", Value.ForBool(false))))));

        var decoded = PropertyCodec.Decode(wire);

        Assert.Multiple(() =>
        {
            Assert.That(decoded["null"].IsNull, Is.True);
            Assert.That(decoded["bool"].TryGetBool(out var flag) && flag, Is.True);
            Assert.That(decoded["number"].TryGetNumber(out var number) ? number : -1, Is.EqualTo(8080));
            Assert.That(decoded["string"].TryGetString(out var text) ? text : null, Is.EqualTo("hello"));
            Assert.That(decoded["list"].TryGetArray(out var items) ? items.Length : -1, Is.EqualTo(2));
            Assert.That(decoded["object"].TryGetObject(out var map) && map.ContainsKey("inner"), Is.True);
            Assert.That(PropertyCodec.Encode(decoded), Is.EqualTo(wire));
        });
    }

    [TestCase(9007199254740991d)]
    [TestCase(-9007199254740991d)]
    [TestCase(4294967296d)]
    [TestCase(0.1d)]
    public void Numbers_StayExact(double number)
    {
        var encoded = PropertyCodec.Encode(PropertyCodec.Decode(Value.ForNumber(number)));

        Assert.That(BitConverter.DoubleToInt64Bits(encoded.NumberValue), Is.EqualTo(BitConverter.DoubleToInt64Bits(number)));
    }

    [Test]
    public void MaxSafeInteger_KeepsItsLastDigit()
    {
        var decoded = PropertyCodec.Decode(Value.ForNumber(9007199254740991));

        Assert.That(decoded.TryGetNumber(out var number) ? (long)number : 0, Is.EqualTo(9007199254740991L));
    }

    [TestCaseSource(nameof(AllUnknownSentinels))]
    public void EverySentinel_DecodesToUnknown_AndEncodesAsTheStringSentinel(string sentinel)
    {
        var decoded = PropertyCodec.Decode(Value.ForString(sentinel));

        Assert.Multiple(() =>
        {
            Assert.That(decoded.IsUnknown, Is.True);
            Assert.That(PropertyCodec.Encode(decoded).StringValue, Is.EqualTo("04da6b54-80e4-46f7-96ec-b56ff0331ba9"));
        });
    }

    [Test]
    public void UnknownsNestedInArraysAndObjects_AreRecognised()
    {
        var wire = Value.ForStruct(Struct(
            ("list", Value.ForList(Value.ForString("a"), Value.ForString("dd056dcd-154b-4c76-9bd3-c8f88648b5ff"))),
            ("object", Value.ForStruct(Struct(("deep", Value.ForString("3eeb2bf0-c639-47a8-9e75-3b44932eb421")))))));

        var decoded = PropertyCodec.Decode(wire);
        decoded.TryGetObject(out var map);
        map["list"].TryGetArray(out var items);
        map["object"].TryGetObject(out var inner);

        Assert.Multiple(() =>
        {
            Assert.That(items[1].IsUnknown, Is.True);
            Assert.That(inner["deep"].IsUnknown, Is.True);
            Assert.That(decoded.ContainsUnknowns(), Is.True);
        });
    }

    [Test]
    public void Secrets_NestedAnywhere_SurviveTheRoundTrip()
    {
        var wire = Value.ForStruct(Struct(
            ("top", Secret(Value.ForString("s3cr3t"))),
            ("list", Value.ForList(Value.ForString("plain"), Secret(Value.ForNumber(42)))),
            ("object", Value.ForStruct(Struct(("deep", Secret(Value.ForStruct(Struct(("x", Value.ForBool(true)))))))))));

        var decoded = PropertyCodec.Decode(wire);
        decoded.TryGetObject(out var map);
        map["list"].TryGetArray(out var items);
        map["object"].TryGetObject(out var inner);

        Assert.Multiple(() =>
        {
            Assert.That(map["top"].IsSecret, Is.True);
            Assert.That(map["top"].TryGetString(out var text) ? text : null, Is.EqualTo("s3cr3t"));
            Assert.That(items[0].IsSecret, Is.False);
            Assert.That(items[1].IsSecret, Is.True);
            Assert.That(inner["deep"].IsSecret, Is.True);
            Assert.That(PropertyCodec.Encode(decoded), Is.EqualTo(wire));
        });
    }

    [Test]
    public void SecretUnknown_StaysASecretUnknown()
    {
        var decoded = PropertyCodec.Decode(Secret(Value.ForString("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7")));

        Assert.Multiple(() =>
        {
            Assert.That(decoded.IsUnknown && decoded.IsSecret, Is.True);
            Assert.That(PropertyCodec.Encode(decoded), Is.EqualTo(Secret(Value.ForString("04da6b54-80e4-46f7-96ec-b56ff0331ba9"))));
        });
    }

    [Test]
    public void OutputValues_UnwrapToValueSecretOrUnknown()
    {
        var known = OutputValue(("value", Value.ForString("v")), ("dependencies", Value.ForList(Value.ForString("urn:a"))));
        var secret = OutputValue(("value", Value.ForNumber(7)), ("secret", Value.ForBool(true)));
        var unknown = OutputValue(("secret", Value.ForBool(false)));

        Assert.Multiple(() =>
        {
            Assert.That(PropertyCodec.Decode(known), Is.EqualTo(PropertyValue.From("v")));
            Assert.That(PropertyCodec.Decode(secret), Is.EqualTo(PropertyValue.From(7).WithSecret()));
            Assert.That(PropertyCodec.Decode(unknown).IsUnknown, Is.True);
        });
    }

    [TestCaseSource(nameof(OpaqueObjects))]
    public void SignedObjects_AreKeptOpaque_AndWrittenBackByteIdentical(Value original)
    {
        var wire = Struct(("thing", original), ("list", Value.ForList(original)), ("secret", Secret(original)));

        var decoded = PropertyCodec.Decode(wire);
        var encoded = PropertyCodec.Encode(decoded);

        Assert.Multiple(() =>
        {
            Assert.That(decoded["thing"].Kind, Is.EqualTo(PropertyValueKind.Opaque));
            Assert.That(decoded["secret"].IsSecret, Is.True);
            Assert.That(encoded.Fields["thing"].ToByteArray(), Is.EqualTo(original.ToByteArray()));
            Assert.That(encoded.Fields["list"].ListValue.Values[0].ToByteArray(), Is.EqualTo(original.ToByteArray()));
            Assert.That(encoded.Fields["secret"].StructValue.Fields["value"].ToByteArray(), Is.EqualTo(original.ToByteArray()));
        });
    }

    public static IEnumerable<TestCaseData> OpaqueObjects()
    {
        yield return new TestCaseData(Signed("c44067f5952c0a294b673a41bacd8c17", ("hash", Value.ForString("abc")), ("text", Value.ForString("hello")))).SetName("Asset");
        yield return new TestCaseData(Signed(
            "0def7320c3a5731c473e5ecbe6d01bc7",
            ("hash", Value.ForString("def")),
            ("assets", Value.ForStruct(Struct(("a.txt", Signed("c44067f5952c0a294b673a41bacd8c17", ("path", Value.ForString("a.txt"))))))))).SetName("Archive");
        yield return new TestCaseData(Signed(
            "5cf8f73096256a8f31e491e813e4eb8e",
            ("urn", Value.ForString("urn:pulumi:s::p::test:index:Widget::w")),
            ("id", Value.ForString("w-1")),
            ("packageVersion", Value.ForString("1.0.0")))).SetName("ResourceReference");
        yield return new TestCaseData(Signed("803fd3297a5875dc03ca845dda5d2a98", ("value", Value.ForString("aGk=")))).SetName("ByteString");
    }

    private static Value Secret(Value inner) => Signed("1b47061264138c4ac30d75fd1eb44270", ("value", inner));

    private static Value OutputValue(params (string Key, Value Value)[] fields) =>
        Signed("d0e6a833031e9bbcd3f4e8bde6ca49a4", fields);

    private static Value Signed(string signature, params (string Key, Value Value)[] fields) =>
        Value.ForStruct(Struct([("4dabf18193072939515e22adb298388d", Value.ForString(signature)), .. fields]));

    private static Struct Struct(params (string Key, Value Value)[] fields)
    {
        var result = new Struct();
        foreach (var (key, value) in fields)
        {
            result.Fields[key] = value;
        }

        return result;
    }
}
