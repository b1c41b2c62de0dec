using Grpc.Core;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Tests.TestProvider;
using Otc.ProviderHost.Values;
using static Otc.ProviderHost.Tests.Server.WireValues;
using ResourceBinding = Otc.ProviderHost.Resources.ResourceBinding;

namespace Otc.ProviderHost.Tests.Server;

public sealed class OptionalCapabilityTests
{
    private const string Urn = "urn:pulumi:dev::proj::test:index:Gadget::g";

    private ProviderFixture _provider = null!;

    [SetUp]
    public async Task StartAsync() =>
        _provider = await ProviderFixture.StartAsync(WidgetProvider.Definition() with
        {
            Resources = [ResourceBinding.For(new WidgetHandler()), ResourceBinding.For(new GadgetHandler())],
        });

    [TearDown]
    public async Task StopAsync() => await _provider.DisposeAsync();

    [Test]
    public async Task CustomCheck_AppliesDefaultsAndReportsFailures()
    {
        var valid = await _provider.Client.CheckAsync(new CheckRequest { Urn = Urn, News = Wire(("name", "a")) });
        var invalid = await _provider.Client.CheckAsync(new CheckRequest { Urn = Urn, News = Wire() });

        Assert.Multiple(() =>
        {
            Assert.That(Decode(valid.Inputs)["size"], Is.EqualTo(PropertyValue.From(1)));
            Assert.That(invalid.Failures.Select(f => (f.Property, f.Reason)), Is.EqualTo(new[] { ("name", "name is required") }));
        });
    }

    [Test]
    public async Task CustomPreview_ReplacesTheEcho()
    {
        var response = await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")), Preview = true });

        Assert.That(Decode(response.Properties)["serial"].IsUnknown, Is.True);
    }

    [Test]
    public async Task HandlerWithoutUpdate_TurnsEveryChangeIntoAReplace()
    {
        var response = await _provider.Client.DiffAsync(new DiffRequest
        {
            Urn = Urn,
            Id = "g-a",
            OldInputs = Wire(("name", "a"), ("size", 1)),
            News = Wire(("name", "a"), ("size", 2)),
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.DetailedDiff["size"].Kind, Is.EqualTo(PropertyDiff.Types.Kind.UpdateReplace));
            Assert.That(response.Replaces, Is.EqualTo(new[] { "size" }));
        });
    }

    [Test]
    public void HandlerWithoutUpdateOrRead_AnswersUnimplementedForThem()
    {
        var update = Assert.ThrowsAsync<RpcException>(async () => await _provider.Client.UpdateAsync(new UpdateRequest
        {
            Urn = Urn,
            Id = "g-a",
            Olds = Wire(("name", "a")),
            News = Wire(("name", "a")),
        }));
        var read = Assert.ThrowsAsync<RpcException>(async () => await _provider.Client.ReadAsync(new ReadRequest { Urn = Urn, Id = "g-a" }));

        Assert.Multiple(() =>
        {
            Assert.That(update!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
            Assert.That(read!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
        });
    }

    [Test]
    public void UnknownType_ListsEveryServedType()
    {
        var exception = Assert.ThrowsAsync<RpcException>(async () =>
            await _provider.Client.DiffAsync(new DiffRequest { Urn = "urn:pulumi:dev::proj::test:index:Nope::n", Type = "test:index:Nope" }));

        Assert.That(exception!.Status.Detail, Does.EndWith("this provider serves: test:index:Gadget, test:index:Widget"));
    }
}
