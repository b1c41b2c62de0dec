using Grpc.Core;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Tests.TestProvider;
using Otc.ProviderHost.Values;
using static Otc.ProviderHost.Tests.Server.WireValues;

namespace Otc.ProviderHost.Tests.Server;

public sealed class ResourceLifecycleTests
{
    private const string Urn = "urn:pulumi:dev::proj::test:index:Widget::w";

    private WidgetHandler _handler = null!;
    private ProviderFixture _provider = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _handler = new WidgetHandler();
        _provider = await ProviderFixture.StartAsync(WidgetProvider.Definition(_handler));
    }

    [TearDown]
    public async Task StopAsync() => await _provider.DisposeAsync();

    [Test]
    public async Task Check_WithoutCustomCheck_PassesInputsThrough()
    {
        var news = Wire(("name", "a"), ("size", PropertyValue.Unknown), ("password", PropertyValue.From("p").WithSecret()));

        var response = await _provider.Client.CheckAsync(new CheckRequest { Urn = Urn, News = news, Olds = Wire() });

        Assert.Multiple(() =>
        {
            Assert.That(response.Inputs, Is.EqualTo(news));
            Assert.That(response.Failures, Is.Empty);
        });
    }

    [Test]
    public void UnknownType_IsInvalidArgumentNamingTheServedTypes()
    {
        var exception = Assert.ThrowsAsync<RpcException>(async () =>
            await _provider.Client.CheckAsync(new CheckRequest { Urn = "urn:pulumi:dev::proj::test:index:Nope::n", News = Wire() }));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(exception.Status.Detail, Is.EqualTo("unknown resource type 'test:index:Nope'; this provider serves: test:index:Widget"));
        });
    }

    [Test]
    public async Task Diff_NoChange_IsDiffNoneWithDetailedDiff()
    {
        var inputs = Wire(("name", "a"), ("size", 1));

        var response = await _provider.Client.DiffAsync(Diff(inputs, inputs));

        Assert.Multiple(() =>
        {
            Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
            Assert.That(response.HasDetailedDiff, Is.True);
            Assert.That(response.DetailedDiff, Is.Empty);
        });
    }

    [Test]
    public async Task Diff_InPlaceChange_ListsTopLevelKeysAndNoReplaces()
    {
        var response = await _provider.Client.DiffAsync(Diff(
            Wire(("name", "a"), ("size", 1), ("tags", Tags(("env", "dev")))),
            Wire(("name", "a"), ("size", 2), ("tags", Tags(("env", "prod"))))));

        Assert.Multiple(() =>
        {
            Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
            Assert.That(response.HasDetailedDiff, Is.True);
            Assert.That(response.Diffs, Is.EquivalentTo(new[] { "size", "tags" }));
            Assert.That(response.DetailedDiff.Keys, Is.EquivalentTo(new[] { "size", "tags.env" }));
            Assert.That(response.DetailedDiff["size"].Kind, Is.EqualTo(PropertyDiff.Types.Kind.Update));
            Assert.That(response.Replaces, Is.Empty);
        });
    }

    [Test]
    public async Task Diff_ReplaceOnChangesFromSchema_IsAReplace()
    {
        var response = await _provider.Client.DiffAsync(Diff(Wire(("name", "a")), Wire(("name", "b"))));

        Assert.Multiple(() =>
        {
            Assert.That(response.Replaces, Is.EqualTo(new[] { "name" }));
            Assert.That(response.DetailedDiff["name"].Kind, Is.EqualTo(PropertyDiff.Types.Kind.UpdateReplace));
            Assert.That(response.Diffs, Is.EqualTo(new[] { "name" }));
        });
    }

    [Test]
    public async Task Diff_WithoutOldInputs_TheStatesInputPropertiesStandInForThem()
    {
        // An engine from before old_inputs existed sends only the state, which also holds computed outputs.
        var request = Diff(Wire(), Wire(("name", "a"), ("size", 1)));
        request.OldInputs = null;
        request.Olds = Wire(("name", "a"), ("size", 1), ("serial", "abc"));

        var response = await _provider.Client.DiffAsync(request);

        Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
    }

    [Test]
    public async Task Diff_WithoutOldInputs_AnInputRemovedFromTheProgramIsADelete()
    {
        var request = Diff(Wire(), Wire(("name", "a")));
        request.OldInputs = null;
        request.Olds = Wire(("name", "a"), ("size", 1), ("serial", "abc"));

        var response = await _provider.Client.DiffAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(response.DetailedDiff.Keys, Is.EqualTo(new[] { "size" }));
            Assert.That(response.DetailedDiff["size"].Kind, Is.EqualTo(PropertyDiff.Types.Kind.Delete));
        });
    }

    [Test]
    public async Task CreatePreview_EchoesInputsWithoutCallingTheHandler()
    {
        var inputs = Wire(("name", "a"), ("size", PropertyValue.Unknown));

        var response = await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = inputs, Preview = true });

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Calls, Is.Empty);
            Assert.That(response.Properties, Is.EqualTo(inputs));
            Assert.That(response.Id, Is.Empty);
        });
    }

    [Test]
    public async Task Create_CallsTheHandler_AndKeepsSecretsSecret()
    {
        var inputs = Wire(("name", "a"), ("size", 3), ("password", PropertyValue.From("hunter2").WithSecret()));

        var response = await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = inputs, Timeout = 30 });
        var outputs = Decode(response.Properties);

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo("w-a"));
            Assert.That(_handler.Calls, Is.EqualTo(new[] { "create w test:index:Widget" }));
            Assert.That(_handler.Timeouts, Is.EqualTo(new TimeSpan?[] { TimeSpan.FromSeconds(30) }));
            Assert.That(outputs["password"], Is.EqualTo(PropertyValue.From("hunter2").WithSecret()), "secret input stays secret");
            Assert.That(outputs["serial"], Is.EqualTo(PropertyValue.From("serial-a").WithSecret()), "schema secret: true");
            Assert.That(outputs["name"].IsSecret, Is.False);
            Assert.That(outputs["size"], Is.EqualTo(PropertyValue.From(3)));
        });
    }

    [Test]
    public async Task Create_ZeroTimeout_MeansNoTimeout()
    {
        await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")), Timeout = 0 });

        Assert.That(_handler.Timeouts, Is.EqualTo(new TimeSpan?[] { null }));
    }

    [Test]
    public async Task UpdatePreview_LaysNewInputsOverOldState_WithoutCallingTheHandler()
    {
        var response = await _provider.Client.UpdateAsync(new UpdateRequest
        {
            Urn = Urn,
            Id = "w-a",
            Olds = Wire(("name", "a"), ("size", 1), ("serial", "serial-a")),
            News = Wire(("name", "a"), ("size", PropertyValue.Unknown)),
            Preview = true,
        });
        var outputs = Decode(response.Properties);

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Calls, Is.Empty);
            Assert.That(outputs["size"].IsUnknown, Is.True);
            Assert.That(outputs["serial"], Is.EqualTo(PropertyValue.From("serial-a").WithSecret()));
        });
    }

    [Test]
    public async Task Update_CallsTheHandlerWithIgnoreChanges_AndKeepsSecrets()
    {
        var response = await _provider.Client.UpdateAsync(new UpdateRequest
        {
            Urn = Urn,
            Id = "w-a",
            Olds = Wire(("name", "a"), ("size", 1), ("serial", PropertyValue.From("serial-a").WithSecret())),
            OldInputs = Wire(("name", "a"), ("size", 1)),
            News = Wire(("name", "a"), ("size", 2), ("password", PropertyValue.From("pw").WithSecret())),
            IgnoreChanges = { "tags" },
        });
        var outputs = Decode(response.Properties);

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Calls, Is.EqualTo(new[] { "update w-a ignore=tags" }));
            Assert.That(outputs["size"], Is.EqualTo(PropertyValue.From(2)));
            Assert.That(outputs["password"].IsSecret, Is.True);
            Assert.That(outputs["serial"].IsSecret, Is.True);
        });
    }

    [Test]
    public async Task Read_ExistingResource_ReturnsStateAndInputs()
    {
        await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a"), ("size", 3)) });

        var response = await _provider.Client.ReadAsync(new ReadRequest
        {
            Urn = Urn,
            Id = "w-a",
            Properties = Wire(("name", "a"), ("size", 3), ("serial", "serial-a")),
            Inputs = Wire(("name", "a"), ("size", 3)),
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo("w-a"));
            Assert.That(Decode(response.Properties)["serial"], Is.EqualTo(PropertyValue.From("serial-a").WithSecret()));
            Assert.That(Decode(response.Inputs)["size"], Is.EqualTo(PropertyValue.From(3)));
        });
    }

    [Test]
    public async Task Read_Import_PassesOnlyTheId()
    {
        await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")) });

        var response = await _provider.Client.ReadAsync(new ReadRequest { Urn = Urn, Id = "w-a" });

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Calls.Last(), Is.EqualTo("read w-a state=none"));
            Assert.That(response.Id, Is.EqualTo("w-a"));
            Assert.That(Decode(response.Inputs)["name"], Is.EqualTo(PropertyValue.From("a")));
        });
    }

    [Test]
    public async Task Read_DefinitelyGone_AnswersAnEmptyId()
    {
        var response = await _provider.Client.ReadAsync(new ReadRequest { Urn = Urn, Id = "w-missing", Properties = Wire(("name", "missing")) });

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.Empty);
            Assert.That(response.Properties, Is.Null);
        });
    }

    [Test]
    public async Task Delete_CallsTheHandler()
    {
        await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "a")) });

        await _provider.Client.DeleteAsync(new DeleteRequest { Urn = Urn, Id = "w-a", Properties = Wire(("name", "a"), ("serial", "serial-a")) });

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Calls.Last(), Is.EqualTo("delete w-a"));
            Assert.That(_handler.IsLive("w-a"), Is.False);
        });
    }

    private static DiffRequest Diff(Google.Protobuf.WellKnownTypes.Struct oldInputs, Google.Protobuf.WellKnownTypes.Struct newInputs) => new()
    {
        Urn = Urn,
        Id = "w-a",
        Olds = oldInputs,
        OldInputs = oldInputs,
        News = newInputs,
    };
}
