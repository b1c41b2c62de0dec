using Grpc.Core;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Tests.TestProvider;
using Otc.ProviderHost.Values;
using static Otc.ProviderHost.Tests.Server.WireValues;

namespace Otc.ProviderHost.Tests.Server;

public sealed class ConfigurationTests
{
    private TestConfiguration _configuration = null!;
    private ProviderFixture _provider = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _configuration = new TestConfiguration();
        _provider = await ProviderFixture.StartAsync(WidgetProvider.Definition(configuration: _configuration));
    }

    [TearDown]
    public async Task StopAsync() => await _provider.DisposeAsync();

    [Test]
    public async Task CheckConfig_DecodesStringAndJsonStringValues_AndKeepsTheVersionKey()
    {
        var response = await _provider.Client.CheckConfigAsync(new CheckRequest
        {
            Urn = "urn:pulumi:dev::proj::pulumi:providers:test::default",
            Olds = Wire(),
            News = Wire(
                ("region", "eu-de"),
                ("maxRetries", "5"),
                ("insecure", "true"),
                ("endpoints", "{\"iam\":\"https://iam.example\"}"),
                ("version", "1.2.3")),
        });
        var inputs = Decode(response.Inputs);

        Assert.Multiple(() =>
        {
            Assert.That(_configuration.Checked!["maxRetries"], Is.EqualTo(PropertyValue.From(5)));
            Assert.That(_configuration.Checked["insecure"], Is.EqualTo(PropertyValue.From(true)));
            Assert.That(_configuration.Checked["endpoints"], Is.EqualTo(PropertyValue.From(Map(("iam", "https://iam.example")))));
            Assert.That(_configuration.Checked["region"], Is.EqualTo(PropertyValue.From("eu-de")));
            Assert.That(inputs["version"], Is.EqualTo(PropertyValue.From("1.2.3")));
            Assert.That(response.Failures, Is.Empty);
        });
    }

    [Test]
    public async Task CheckConfig_UnparsableValue_IsAFailureNamingTheKey()
    {
        var response = await _provider.Client.CheckConfigAsync(new CheckRequest { News = Wire(("region", "eu-de"), ("maxRetries", "many")) });

        Assert.That(response.Failures.Select(f => f.Property), Is.EqualTo(new[] { "maxRetries" }));
    }

    [Test]
    public async Task CheckConfig_MarksSchemaSecretVariablesSecret()
    {
        var response = await _provider.Client.CheckConfigAsync(new CheckRequest { News = Wire(("region", "eu-de"), ("token", "t0k3n")) });

        Assert.That(Decode(response.Inputs)["token"], Is.EqualTo(PropertyValue.From("t0k3n").WithSecret()));
    }

    [Test]
    public async Task Configure_DecodesArgs_KeepsWrappedSecrets_AndAnswersTheProtocolFlags()
    {
        var response = await _provider.Client.ConfigureAsync(new ConfigureRequest
        {
            Args = Wire(("region", "eu-de"), ("maxRetries", "7"), ("token", PropertyValue.From("t0k3n").WithSecret()), ("version", "1.2.3")),
            AcceptSecrets = true,
            AcceptResources = true,
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.AcceptSecrets, Is.True);
            Assert.That(response.SupportsPreview, Is.True);
            Assert.That(response.AcceptResources, Is.True);
            Assert.That(response.AcceptOutputs, Is.False);
            Assert.That(_configuration.Configured!["maxRetries"], Is.EqualTo(PropertyValue.From(7)));
            Assert.That(_configuration.Configured["token"], Is.EqualTo(PropertyValue.From("t0k3n").WithSecret()));
            Assert.That(_configuration.Configured["version"], Is.EqualTo(PropertyValue.From("1.2.3")));
        });
    }

    [Test]
    public async Task Configure_WithOnlyTheLegacyVariables_StripsTheNamespace()
    {
        var request = new ConfigureRequest();
        request.Variables["test:config:region"] = "eu-nl";
        request.Variables["test:config:insecure"] = "false";

        await _provider.Client.ConfigureAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(_configuration.Configured!["region"], Is.EqualTo(PropertyValue.From("eu-nl")));
            Assert.That(_configuration.Configured["insecure"], Is.EqualTo(PropertyValue.From(false)));
        });
    }

    [Test]
    public void Configure_MissingRequiredKey_IsInvalidArgumentWithTheMissingKeysDetail()
    {
        var exception = Assert.ThrowsAsync<RpcException>(async () =>
            await _provider.Client.ConfigureAsync(new ConfigureRequest { Args = Wire(("maxRetries", 1)) }));
        var detail = exception!.GetRpcStatus()!.Details.Single();
        var missing = detail.Unpack<ConfigureErrorMissingKeys>();

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(detail.TypeUrl, Is.EqualTo("type.googleapis.com/pulumirpc.ConfigureErrorMissingKeys"));
            Assert.That(missing.MissingKeys.Select(k => (k.Name, k.Description)), Is.EqualTo(new[] { ("region", "The region to deploy into") }));
        });
    }

    [Test]
    public async Task DiffConfig_IgnoresVersionAndInternalKeys_AndEncodingDifferences()
    {
        var response = await _provider.Client.DiffConfigAsync(new DiffRequest
        {
            Olds = Wire(("region", "eu-de"), ("maxRetries", 5), ("version", "1.0.0"), ("__internal", "a")),
            OldInputs = Wire(("region", "eu-de"), ("maxRetries", 5), ("version", "1.0.0"), ("__internal", "a")),
            News = Wire(("region", "eu-de"), ("maxRetries", "5"), ("version", "2.0.0"), ("__internal", "b")),
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
            Assert.That(response.HasDetailedDiff, Is.True);
        });
    }

    [Test]
    public async Task DiffConfig_ChangeOfAKeyTheSchemasProviderMarksReplaceOnChanges_Replaces()
    {
        var response = await _provider.Client.DiffConfigAsync(new DiffRequest
        {
            OldInputs = Wire(("region", "eu-de"), ("maxRetries", 5)),
            News = Wire(("region", "eu-nl"), ("maxRetries", "5")),
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
            Assert.That(response.Diffs, Is.EqualTo(new[] { "region" }));
            Assert.That(response.Replaces, Is.EqualTo(new[] { "region" }));
            Assert.That(response.DetailedDiff["region"].Kind, Is.EqualTo(PropertyDiff.Types.Kind.UpdateReplace));
        });
    }

    [Test]
    public async Task DiffConfig_ChangeOfAnyOtherKey_IsAnUpdateNotAReplace()
    {
        var response = await _provider.Client.DiffConfigAsync(new DiffRequest
        {
            OldInputs = Wire(("region", "eu-de"), ("maxRetries", 5)),
            News = Wire(("region", "eu-de"), ("maxRetries", 9)),
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
            Assert.That(response.Diffs, Is.EqualTo(new[] { "maxRetries" }));
            Assert.That(response.Replaces, Is.Empty);
        });
    }

    [Test]
    public async Task DiffConfig_ComparesWhatTheConfigurationAlignsForDiff()
    {
        var response = await _provider.Client.DiffConfigAsync(new DiffRequest
        {
            OldInputs = Wire(("region", "eu-de")),
            News = Wire(("region", "EU-DE")),
        });

        Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
    }
}
