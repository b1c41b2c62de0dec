using Otc.ProviderHost.Models;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;
using static Otc.ProviderHost.Tests.Server.WireValues;

namespace Otc.ProviderHost.Tests.Schema;

/// <summary>The schema's rules for values, applied in one place: types at every depth, requiredness, undeclared names and defaults.</summary>
public sealed class SchemaValuesTests
{
    private const string Token = "test:index:Pipe";

    private static readonly PackageSchema Schema = new("""
        {
          "name": "test",
          "types": {
            "test:index:Joint": {
              "type": "object",
              "properties": {
                "from": { "type": "integer", "description": "Where the joint starts, 1-10. More text." },
                "kind": { "$ref": "#/types/test:index:Kind", "default": "weld" }
              },
              "required": ["from"]
            },
            "test:index:Kind": { "type": "string", "enum": [{ "value": "weld" }, { "value": "screw" }] }
          },
          "resources": {
            "test:index:Pipe": {
              "inputProperties": {
                "name": { "type": "string", "description": "The pipe's name." },
                "open": { "type": "boolean", "default": true },
                "joints": { "type": "array", "items": { "$ref": "#/types/test:index:Joint" } },
                "labels": { "type": "object", "additionalProperties": { "type": "string" } },
                "anything": { "$ref": "pulumi.json#/Any" }
              },
              "requiredInputs": ["name"],
              "properties": {
                "name": { "type": "string" },
                "length": { "type": "number" }
              }
            }
          }
        }
        """);

    private static SchemaShape Inputs => Schema.ResourceInputs(Token)!;

    private static PropertyValue Joint(params (string Key, PropertyValue Value)[] fields) => PropertyValue.From(Map(fields));

    [Test]
    public void Valid_inputs_get_the_schemas_defaults_at_every_depth()
    {
        var (values, failures) = SchemaValues.Check(Map(("name", "p"), ("joints", PropertyValue.From([Joint(("from", 1))]))), Inputs, "Pipe");

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(values["open"], Is.EqualTo(PropertyValue.From(true)));
            Assert.That(values["joints"], Is.EqualTo(PropertyValue.From([Joint(("from", 1), ("kind", "weld"))])));
        });
    }

    [Test]
    public void Each_broken_rule_is_one_failure_naming_its_path_the_rule_and_what_the_property_is()
    {
        var (values, failures) = SchemaValues.Check(
            Map(
                ("open", "yes"),
                ("joints", PropertyValue.From([Joint(("from", 2)), Joint(("from", 2.5), ("bend", 1)), Joint(("kind", "screw"))])),
                ("labels", PropertyValue.From(Map(("a", "x"), ("b", 3)))),
                ("colour", "red")),
            Inputs,
            "Pipe");

        Assert.That(failures.Select(failure => (failure.Property, failure.Reason)), Is.EquivalentTo(new[]
        {
            ("colour", "'colour' is not an input of Pipe"),
            ("name", "missing required property 'name' (The pipe's name)"),
            ("open", "'open' must be a boolean, got \"yes\""),
            ("joints[1].bend", "'bend' is not a field of Joint"),
            ("joints[1].from", "'joints[1].from' must be an integer, got 2.5 (Where the joint starts, 1-10)"),
            ("joints[2].from", "missing required property 'from' (Where the joint starts, 1-10)"),
            ("labels.b", "'labels.b' must be a string, got 3"),
        }));
        Assert.That(values["open"].IsUnknown, Is.True, "a value that broke a rule is not judged again by the model");
        Assert.That(values.ContainsKey("colour"), Is.False);
    }

    [Test]
    public void Unknown_values_are_not_judged_and_secrets_stay_secret_inside_rebuilt_values()
    {
        var joints = PropertyValue.From([Joint(("from", PropertyValue.Unknown)).WithSecret(), PropertyValue.Unknown]).WithSecret();

        var (values, failures) = SchemaValues.Check(Map(("name", PropertyValue.Unknown), ("joints", joints), ("anything", 5)), Inputs, "Pipe");

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(values["name"].IsUnknown, Is.True);
            Assert.That(values["joints"].IsSecret, Is.True);
            values["joints"].TryGetArray(out var items);
            Assert.That(items[0].IsSecret, Is.True, "the rebuilt joint (its default added) keeps its secretness");
            Assert.That(items[0], Is.EqualTo(Joint(("from", PropertyValue.Unknown), ("kind", "weld")).WithSecret()));
            Assert.That(items[1].IsUnknown, Is.True);
        });
    }

    [Test]
    public void Engine_internal_keys_pass_through()
    {
        var (values, failures) = SchemaValues.Check(Map(("name", "p"), ("__defaults", PropertyValue.From([]))), Inputs, "Pipe");

        Assert.That(failures, Is.Empty);
        Assert.That(values.ContainsKey("__defaults"), Is.True);
    }

    [Test]
    public void Stored_inputs_that_break_the_schema_are_an_error_naming_the_path()
    {
        var exception = Assert.Throws<PropertyDecodeException>(() => SchemaValues.ReadInputs(Map(("name", "p"), ("open", 1)), Inputs));

        Assert.That(exception!.Property, Is.EqualTo("open"));
    }

    [Test]
    public void Stored_inputs_get_the_defaults_too() =>
        Assert.That(SchemaValues.ReadInputs(Map(("name", "p")), Inputs)["open"], Is.EqualTo(PropertyValue.From(true)));

    [Test]
    public void Enum_references_are_strings_and_object_references_are_objects()
    {
        var joints = Inputs.Property("joints")!.Shape;

        Assert.Multiple(() =>
        {
            Assert.That(joints.Kind, Is.EqualTo(ShapeKind.Array));
            Assert.That(joints.Element!.Kind, Is.EqualTo(ShapeKind.Object));
            Assert.That(joints.Element.Name, Is.EqualTo("Joint"));
            Assert.That(joints.Element.Property("kind")!.Shape.Kind, Is.EqualTo(ShapeKind.String));
            Assert.That(Inputs.Property("anything")!.Shape.Kind, Is.EqualTo(ShapeKind.Any));
        });
    }
}
