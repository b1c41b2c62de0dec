using Otc.ProviderHost.Models;
using Otc.ProviderHost.Values;
using static Otc.ProviderHost.Tests.Server.WireValues;

namespace Otc.ProviderHost.Tests.Models;

/// <summary>One table reads and writes a model: every property value round-trips, unknowns and secrets included, at every depth.</summary>
public sealed class PropertyTableTests
{
    [Test]
    public void A_model_round_trips_with_unknowns_and_secrets_at_every_depth()
    {
        var properties = Map(
            ("name", PropertyValue.From("a").WithSecret()),
            ("size", PropertyValue.Unknown),
            ("parts", PropertyValue.From([PartValue(("count", 2), ("label", PropertyValue.Unknown)), PartValue(("count", 3)).WithSecret(), PropertyValue.Unknown])),
            ("labels", PropertyValue.From(Map(("a", "x"), ("b", PropertyValue.From("y").WithSecret())))));

        var model = PropertyModel.FromProperties<Crate>(properties);

        Assert.Multiple(() =>
        {
            Assert.That(model.Name, Is.EqualTo(Input<string>.Known("a", isSecret: true)));
            Assert.That(model.Size.IsUnknown, Is.True);
            Assert.That(model.Parts.Value[0].Value.Label.IsUnknown, Is.True);
            Assert.That(model.Parts.Value[1].IsSecret, Is.True);
            Assert.That(model.Parts.Value[2].IsUnknown, Is.True);
            Assert.That(model.ToProperties(), Is.EqualTo(properties));
        });
    }

    [Test]
    public void Absent_properties_are_left_out_and_undeclared_keys_ignored()
    {
        var model = PropertyModel.FromProperties<Crate>(Map(("name", "a"), ("colour", "red")));

        Assert.That(model.Size.IsAbsent, Is.True);
        Assert.That(model.ToProperties(), Is.EqualTo(Map(("name", "a"))));
    }

    [Test]
    public void A_value_of_another_shape_names_its_path()
    {
        var exception = Assert.Throws<PropertyDecodeException>(() =>
            PropertyModel.FromProperties<Crate>(Map(("parts", PropertyValue.From([PartValue(("count", "many"))])))));

        Assert.That(exception!.Property, Is.EqualTo("parts[0].count"));
    }

    [Test]
    public void A_stored_value_of_another_shape_is_left_out_when_read_tolerantly()
    {
        var stored = Map(("name", "a"), ("size", "large"), ("parts", PropertyValue.From([PartValue(("count", 1))])));

        var model = PropertyModel.FromStoredProperties<Crate>(stored);

        Assert.That(model.ToProperties(), Is.EqualTo(Map(("name", "a"), ("parts", PropertyValue.From([PartValue(("count", 1))])))));
    }

    [Test]
    public void Overlay_takes_what_the_source_sets()
    {
        var target = new Crate { Name = "a", Size = 1 };
        var source = new Crate { Size = Input<double>.Unknown() };

        var merged = Crate.Properties.Overlay(target, source);

        Assert.That(merged, Is.EqualTo(new Crate { Name = "a", Size = Input<double>.Unknown() }));
    }

    [Test]
    public void A_table_declares_its_shape_and_flags()
    {
        var shape = Crate.Properties.Shape;

        Assert.That(shape.Properties!.Select(property => (property.Name, property.Shape.ToString(), property.Required)), Is.EqualTo(new[]
        {
            ("name", "string", true),
            ("size", "number", false),
            ("parts", "array<Part>", false),
            ("labels", "map<string>", false),
        }));
        Assert.That(Crate.Properties.NamesWith(PropertyFlags.OptionalComputed), Is.EquivalentTo(new[] { "size" }));
    }

    private static PropertyValue PartValue(params (string Key, PropertyValue Value)[] fields) => PropertyValue.From(Map(fields));

    private sealed record Crate : IPropertyModel<Crate>
    {
        public Input<string> Name { get; init; }

        public Input<double> Size { get; init; }

        public Input<InputList<Part>> Parts { get; init; }

        public Input<InputMap<string>> Labels { get; init; }

        public static PropertyTable<Crate> Properties { get; } = new PropertyTable<Crate>()
            .Add("name", Codec.String, m => m.Name, (m, v) => m with { Name = v }, PropertyFlags.Required)
            .Add("size", Codec.Number, m => m.Size, (m, v) => m with { Size = v }, PropertyFlags.OptionalComputed)
            .Add("parts", Codec.ListOf(Codec.Object<Part>("Part")), m => m.Parts, (m, v) => m with { Parts = v })
            .Add("labels", Codec.MapOf(Codec.String), m => m.Labels, (m, v) => m with { Labels = v });
    }

    private sealed record Part : IPropertyModel<Part>
    {
        public Input<long> Count { get; init; }

        public Input<string> Label { get; init; }

        public static PropertyTable<Part> Properties { get; } = new PropertyTable<Part>()
            .Add("count", Codec.Integer, m => m.Count, (m, v) => m with { Count = v }, PropertyFlags.Required)
            .Add("label", Codec.String, m => m.Label, (m, v) => m with { Label = v });
    }
}
