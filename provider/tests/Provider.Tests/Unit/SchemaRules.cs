using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

/// <summary>The package schema embedded in the provider binary, so tests use the same rules the host does.</summary>
internal static class SchemaRules
{
    public static PackageSchema Schema { get; } = new(EmbeddedSchemaJson());

    public static string EmbeddedSchemaJson()
    {
        using var stream = typeof(VpcEndpointServiceHandler).Assembly.GetManifestResourceStream("schema.json")
            ?? throw new InvalidOperationException("schema.json is not embedded in the provider assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>What the host hands Diff as old inputs when an older engine sends only the state: the state's schema inputs.</summary>
    public static PropertyMap InputsOfState(PropertyMap state)
    {
        var inputs = Schema.InputProperties(VpcEndpointServiceHandler.TypeToken);
        return PropertyMap.From(state.Where(pair => inputs.Contains(pair.Key)));
    }

    /// <summary>The differ the host builds for the service: the schema's replace rules and the model's optional+computed inputs.</summary>
    public static PropertyDiffer Differ() =>
        new(Schema.ReplaceOnChanges(VpcEndpointServiceHandler.TypeToken), VpcEndpointServiceInputs.Properties.NamesWith(PropertyFlags.OptionalComputed));

    /// <summary>A handler as the host serves it: the schema's rules applied before the handler's, in process.</summary>
    public static HostedResource Hosted<TInputs, TState>(IResourceHandler<TInputs, TState> handler)
        where TInputs : IPropertyModel<TInputs>, new()
        where TState : IPropertyModel<TState>, new() =>
        new(ResourceBinding.For(handler), Schema);

    /// <summary>Checked inputs as the host hands them to a handler: the schema's defaults applied, then read into the model.</summary>
    public static TInputs Inputs<TInputs>(string token, PropertyMap inputs)
        where TInputs : IPropertyModel<TInputs>, new() =>
        PropertyModel.FromProperties<TInputs>(SchemaValues.ReadInputs(inputs, Schema.ResourceInputs(token)!));

    public static VpcEndpointServiceInputs ServiceInputs(PropertyMap inputs) => Inputs<VpcEndpointServiceInputs>(VpcEndpointServiceHandler.TypeToken, inputs);
}
