using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Otc.ProviderHost.Protocol;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>The published binary serves exactly the repository's schema.json (it embeds the file at build time).</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class SchemaServingTests
{
    [Test]
    public async Task GetSchemaReturnsTheRepositorySchemaJson()
    {
        var expected = await File.ReadAllTextAsync(Path.Combine(ProviderBinary.RepositoryRoot(), "schema.json"));
        await using var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(ProviderBinary.Locate()));

        var response = await provider.Client.GetSchemaAsync(new GetSchemaRequest { Version = 0 });

        Assert.That(response.Schema, Is.EqualTo(expected), "bin/pulumi-resource-otc is stale or embeds another schema: run `make provider`");
    }
}
