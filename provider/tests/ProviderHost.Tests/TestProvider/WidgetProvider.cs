using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Server;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>The test-only provider definition: one widget resource, a small config and its schema.</summary>
internal static class WidgetProvider
{
    public const string SchemaJson = """
        {
          "name": "test",
          "version": "0.0.1",
          "config": {
            "variables": {
              "region": { "type": "string" },
              "maxRetries": { "type": "integer" },
              "insecure": { "type": "boolean" },
              "endpoints": { "type": "object", "additionalProperties": { "type": "string" } },
              "token": { "type": "string", "secret": true }
            }
          },
          "provider": {
            "inputProperties": {
              "region": { "type": "string", "replaceOnChanges": true },
              "maxRetries": { "type": "integer" }
            }
          },
          "resources": {
            "test:index:Widget": {
              "requiredInputs": ["name"],
              "inputProperties": {
                "name": { "type": "string", "replaceOnChanges": true },
                "size": { "type": "number" },
                "password": { "type": "string" },
                "tags": { "type": "object", "additionalProperties": { "type": "string" } }
              },
              "properties": {
                "name": { "type": "string" },
                "size": { "type": "number" },
                "password": { "type": "string" },
                "tags": { "type": "object", "additionalProperties": { "type": "string" } },
                "serial": { "type": "string", "secret": true }
              }
            }
          }
        }
        """;

    public static ProviderDefinition Definition(WidgetHandler? handler = null, TestConfiguration? configuration = null) => new()
    {
        PackageName = "test",
        Version = "0.0.1",
        SchemaJson = SchemaJson,
        Configuration = configuration ?? new TestConfiguration(),
        Resources = [ResourceBinding.For(handler ?? new WidgetHandler())],
        ExceptionTranslator = new CloudFailureTranslator(),
    };
}
