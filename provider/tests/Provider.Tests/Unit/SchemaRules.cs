using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

/// <summary>The package schema embedded in the provider binary, so tests use the same replace rules the host does.</summary>
internal static class SchemaRules
{
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
        var inputs = new PackageSchema(EmbeddedSchemaJson()).InputProperties(VpcEndpointServiceHandler.TypeToken);
        return PropertyMap.From(state.Where(pair => inputs.Contains(pair.Key)));
    }

    /// <summary>The differ the host builds for the resource: the schema's replace rules and the handler's optional+computed inputs.</summary>
    public static PropertyDiffer Differ() =>
        new(new PackageSchema(EmbeddedSchemaJson()).ReplaceOnChanges(VpcEndpointServiceHandler.TypeToken),
            new VpcEndpointServiceHandler(new Cloud.OtcClientProvider()).OptionalComputedInputs);
}
