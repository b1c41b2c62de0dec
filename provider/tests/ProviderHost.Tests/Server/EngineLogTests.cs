using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Tests.TestProvider;
using static Otc.ProviderHost.Tests.Server.WireValues;

namespace Otc.ProviderHost.Tests.Server;

public sealed class EngineLogTests
{
    private const string Urn = "urn:pulumi:dev::proj::test:index:Widget::w";

    [Test]
    public async Task HandlerLogs_ReachTheEngineGivenOnTheCommandLine_WithUrnAndEphemeralStatus()
    {
        await using var engine = await FakeEngine.StartAsync();
        await using var provider = await ProviderFixture.StartAsync(WidgetProvider.Definition(), engine.Address);

        await provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")) });

        var logs = engine.Recorder.Logs.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(logs.Select(l => (l.Severity, l.Message, l.Urn, l.Ephemeral)), Is.EqualTo(new[]
            {
                (LogSeverity.Info, "creating a", Urn, false),
                (LogSeverity.Info, "waiting for the widget", Urn, true),
            }));
        });
    }

    [Test]
    public async Task EngineAddressFromHandshake_IsUsedForLogging()
    {
        await using var engine = await FakeEngine.StartAsync();
        await using var provider = await ProviderFixture.StartAsync(WidgetProvider.Definition());

        await provider.Client.HandshakeAsync(new ProviderHandshakeRequest { EngineAddress = engine.Address });
        await provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")) });

        Assert.That(engine.Recorder.Logs.Select(l => l.Message), Does.Contain("creating a"));
    }

    [Test]
    public async Task EngineAddressFromAttach_IsUsedForLogging()
    {
        await using var engine = await FakeEngine.StartAsync();
        await using var provider = await ProviderFixture.StartAsync(WidgetProvider.Definition());

        await provider.Client.AttachAsync(new PluginAttach { Address = engine.Address });
        await provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")) });

        Assert.That(engine.Recorder.Logs.Select(l => l.Message), Does.Contain("creating a"));
    }

    [Test]
    public async Task UnreachableEngine_NeverFailsTheCall()
    {
        // A port nothing listens on: logging must fall back to stderr, not break Create.
        await using var provider = await ProviderFixture.StartAsync(WidgetProvider.Definition(), "127.0.0.1:1");

        var response = await provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")) });

        Assert.That(response.Id, Is.EqualTo("w-a"));
    }
}
