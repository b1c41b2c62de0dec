using Otc.ProviderHost.Models;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>The inputs of the test-only widget resource.</summary>
internal sealed record WidgetInputs : IPropertyModel<WidgetInputs>
{
    public Input<string> Name { get; init; }

    public Input<double> Size { get; init; }

    public Input<string> Password { get; init; }

    public Input<InputMap<string>> Tags { get; init; }

    public static PropertyTable<WidgetInputs> Properties { get; } = new PropertyTable<WidgetInputs>()
        .Add("name", Codec.String, m => m.Name, (m, v) => m with { Name = v }, PropertyFlags.Required)
        .Add("size", Codec.Number, m => m.Size, (m, v) => m with { Size = v })
        .Add("password", Codec.String, m => m.Password, (m, v) => m with { Password = v })
        .Add("tags", Codec.MapOf(Codec.String), m => m.Tags, (m, v) => m with { Tags = v });
}

/// <summary>The state of the test-only widget: its inputs plus a computed serial.</summary>
internal sealed record WidgetState : IPropertyModel<WidgetState>
{
    public WidgetInputs Inputs { get; init; } = new();

    public Input<string> Serial { get; init; }

    public static PropertyTable<WidgetState> Properties { get; } = new PropertyTable<WidgetState>()
        .Include(WidgetInputs.Properties, s => s.Inputs, (s, v) => s with { Inputs = v })
        .Add("serial", Codec.String, s => s.Serial, (s, v) => s with { Serial = v });
}
