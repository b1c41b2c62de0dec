using Otc.Sdk.Tests.Conformance;
using Otc.Sdk.Tests.Schema;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests;

/// <summary>The committed schema and SDK, read once per test run.</summary>
public static class SdkFixture
{
    private static readonly Lazy<string> LazySchemaText = new(() => File.ReadAllText(RepositoryLayout.SchemaPath));
    private static readonly Lazy<SdkSources> LazySdk = new(() => SdkSources.Load(RepositoryLayout.DotnetSdkDirectory));

    public static string SchemaText => LazySchemaText.Value;

    public static PackageSchema Schema => SchemaReader.Parse(SchemaText);

    public static SdkSources Sdk => LazySdk.Value;

    /// <summary>Every disagreement between a schema and an SDK, from all checks.</summary>
    public static IReadOnlyList<string> Disagreements(PackageSchema schema, SdkSources sdk) =>
        [.. new SdkConformance(schema, sdk).All(), .. new PackageFilesConformance(schema, sdk).All()];
}
