using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Schema;

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

    public static PropertyDiffer Differ() =>
        new(new PackageSchema(EmbeddedSchemaJson()).ReplaceOnChanges(VpcEndpointServiceHandler.TypeToken));
}
