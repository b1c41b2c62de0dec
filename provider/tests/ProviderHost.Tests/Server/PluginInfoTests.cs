using Google.Protobuf.WellKnownTypes;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Server;
using Otc.ProviderHost.Tests.TestProvider;

namespace Otc.ProviderHost.Tests.Server;

public sealed class PluginInfoTests
{
    [Test]
    public async Task GetPluginInfo_ReportsTheDefinitionVersion()
    {
        await using var provider = await ProviderFixture.StartAsync(WidgetProvider.Definition() with { Version = "1.2.3" });

        var info = await provider.Client.GetPluginInfoAsync(new Empty());

        Assert.That(info.Version, Is.EqualTo("1.2.3"));
    }

    [Test]
    public async Task Handshake_AcceptsSecretsAndResourcesButNotOutputs()
    {
        await using var provider = await ProviderFixture.StartAsync(WidgetProvider.Definition());

        var response = await provider.Client.HandshakeAsync(new ProviderHandshakeRequest { EngineAddress = "127.0.0.1:1" });

        Assert.Multiple(() =>
        {
            Assert.That(response.AcceptSecrets, Is.True);
            Assert.That(response.AcceptResources, Is.True);
            Assert.That(response.AcceptOutputs, Is.False);
            Assert.That(provider.Server.Engine.Address, Is.EqualTo("127.0.0.1:1"));
        });
    }

    [Test]
    public async Task GetSchema_ReturnsTheSchemaTextForAnyVersion()
    {
        await using var provider = await ProviderFixture.StartAsync(WidgetProvider.Definition());

        var response = await provider.Client.GetSchemaAsync(new GetSchemaRequest { Version = 0 });

        Assert.That(response.Schema, Is.EqualTo(WidgetProvider.SchemaJson));
    }
}
