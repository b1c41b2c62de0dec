using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Tests.TestProvider;
using Otc.ProviderHost.Values;
using static Otc.ProviderHost.Tests.Server.WireValues;

namespace Otc.ProviderHost.Tests.Server;

public sealed class ErrorTests
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

    [TestCase(ProviderErrorKind.InvalidInput, StatusCode.InvalidArgument)]
    [TestCase(ProviderErrorKind.NotFound, StatusCode.NotFound)]
    [TestCase(ProviderErrorKind.Conflict, StatusCode.Aborted)]
    [TestCase(ProviderErrorKind.FailedPrecondition, StatusCode.FailedPrecondition)]
    [TestCase(ProviderErrorKind.Unauthenticated, StatusCode.Unauthenticated)]
    [TestCase(ProviderErrorKind.PermissionDenied, StatusCode.PermissionDenied)]
    [TestCase(ProviderErrorKind.Unavailable, StatusCode.Unavailable)]
    [TestCase(ProviderErrorKind.Timeout, StatusCode.DeadlineExceeded)]
    [TestCase(ProviderErrorKind.QuotaExceeded, StatusCode.ResourceExhausted)]
    public void ProviderException_MapsToItsSpecificCode(ProviderErrorKind kind, StatusCode expected)
    {
        var exception = CreateFails("error-" + kind);

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(expected));
            Assert.That(exception.Status.Detail, Is.EqualTo($"failed with {kind}"));
        });
    }

    [Test]
    public void TranslatorIsConsulted_ForLowerLayerExceptions()
    {
        Assert.That(CreateFails("cloud-error").StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
    }

    [Test]
    public void GenuineBug_IsInternal()
    {
        Assert.That(CreateFails("bug").StatusCode, Is.EqualTo(StatusCode.Internal));
    }

    [Test]
    public void BadInputShape_IsInvalidArgument()
    {
        var exception = Assert.ThrowsAsync<RpcException>(async () =>
            await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("size", 1)) }));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(exception.Status.Detail, Does.Contain("property 'name'"));
        });
    }

    [Test]
    public void ResourceInitFailed_CarriesIdAndLiveStateInTheStatusDetail()
    {
        var inputs = Wire(("name", "init-fail"), ("password", PropertyValue.From("pw").WithSecret()));

        var exception = Assert.ThrowsAsync<RpcException>(async () =>
            await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = inputs }));
        var status = exception!.GetRpcStatus();
        var detail = status!.Details.Single().Unpack<ErrorResourceInitFailed>();
        var properties = Decode(detail.Properties);

        Assert.Multiple(() =>
        {
            Assert.That(status.Details.Single().TypeUrl, Is.EqualTo("type.googleapis.com/pulumirpc.ErrorResourceInitFailed"));
            Assert.That(status.Code, Is.EqualTo((int)exception.StatusCode));
            Assert.That(detail.Id, Is.EqualTo("w-init-fail"));
            Assert.That(detail.Reasons, Is.EqualTo(new[] { "widget never became healthy" }));
            Assert.That(detail.RefreshBeforeUpdate, Is.True);
            Assert.That(properties["serial"], Is.EqualTo(PropertyValue.From("serial-init-fail").WithSecret()));
            Assert.That(properties["password"].IsSecret, Is.True);
        });
    }

    [Test]
    public async Task Cancel_CancelsAnInFlightHandlerCall()
    {
        var call = _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", "block")) });
        await _handler.BlockingCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await _provider.Client.CancelAsync(new Empty());

        var exception = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.That(exception!.StatusCode, Is.EqualTo(StatusCode.Cancelled));
    }

    [Test]
    public void RpcsACrudProviderDoesNotServe_AreUnimplemented()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                Assert.ThrowsAsync<RpcException>(async () => await _provider.Client.ConstructAsync(new ConstructRequest()))!.StatusCode,
                Is.EqualTo(StatusCode.Unimplemented));
            Assert.That(
                Assert.ThrowsAsync<RpcException>(async () => await _provider.Client.CallAsync(new CallRequest()))!.StatusCode,
                Is.EqualTo(StatusCode.Unimplemented));
            Assert.That(
                Assert.ThrowsAsync<RpcException>(async () => await _provider.Client.ParameterizeAsync(new ParameterizeRequest()))!.StatusCode,
                Is.EqualTo(StatusCode.Unimplemented));
            Assert.That(
                Assert.ThrowsAsync<RpcException>(async () => await _provider.Client.GetMappingAsync(new GetMappingRequest()))!.StatusCode,
                Is.EqualTo(StatusCode.Unimplemented));
        });
    }

    [Test]
    public void Invoke_UnknownFunction_IsInvalidArgument()
    {
        var exception = Assert.ThrowsAsync<RpcException>(async () =>
            await _provider.Client.InvokeAsync(new InvokeRequest { Tok = "test:index:getNothing", Args = Wire() }));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(exception.Status.Detail, Does.StartWith("unknown function 'test:index:getNothing'"));
        });
    }

    private RpcException CreateFails(string name) =>
        Assert.ThrowsAsync<RpcException>(async () =>
            await _provider.Client.CreateAsync(new CreateRequest { Urn = Urn, Properties = Wire(("name", name)) }))!;
}
