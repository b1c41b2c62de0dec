using System.Text.Json.Nodes;
using Otc.CloudClient;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// The guard for the whole class of "the cloud filled it in" defects: for every field of the documented answer of
/// GET /vpc-endpoint-services/{id}, a service whose cloud state has that field set by the cloud (not by the program)
/// is refreshed (Read, the engine's swapped Diff) and planned (Check, Diff) against a program that leaves out every
/// optional input, and the same after an import: the plan must be a no-op. Run against both name forms the API
/// reference shows.
/// </summary>
[TestFixture(ServiceNameForm.Full)]
[TestFixture(ServiceNameForm.Short)]
[Parallelizable(ParallelScope.Self)]
public sealed class CloudFilledFieldsGuardTests(ServiceNameForm nameForm)
{
    /// <summary>How each documented field gets its value. A newly documented field fails <see cref="Every_documented_field_is_classified"/> until it is added here.</summary>
    private static readonly Dictionary<string, Origin> Origins = new(StringComparer.Ordinal)
    {
        ["id"] = Origin.Cloud,
        ["project_id"] = Origin.Cloud,
        ["status"] = Origin.Cloud,
        ["created_at"] = Origin.Cloud,
        ["updated_at"] = Origin.CloudAfterAnEditThatChangesNothing,
        ["pool_id"] = Origin.Cloud,
        ["service_name"] = Origin.Cloud,
        ["service_type"] = Origin.Cloud,
        ["approval_enabled"] = Origin.Cloud,
        ["tcp_proxy"] = Origin.Cloud,
        ["tags"] = Origin.Cloud,
        ["description"] = Origin.Cloud,
        ["error"] = Origin.CloudWhenCreationFails,

        // Required inputs; of the port mappings the cloud fills in the protocol, which the program leaves out.
        ["ports"] = Origin.Cloud,
        ["port_id"] = Origin.Program,
        ["vpc_id"] = Origin.Program,
        ["server_type"] = Origin.Program,
    };

    private LifecycleEnvironment _env = null!;
    private IVpcepClient _cloud = null!;
    private HttpClient _http = null!;

    private enum Origin
    {
        /// <summary>Set by the cloud at creation when the program leaves it out.</summary>
        Cloud,

        /// <summary>Changed by the cloud when the service is edited, even when the edit changes no value.</summary>
        CloudAfterAnEditThatChangesNothing,

        /// <summary>Answered by the cloud when the service ends <c>failed</c>.</summary>
        CloudWhenCreationFails,

        /// <summary>A required input: the program always sets it.</summary>
        Program,
    }

    public static IEnumerable<string> CloudSetFields() =>
        DocumentedGetFields().Where(field => Origins.GetValueOrDefault(field, Origin.Cloud) != Origin.Program);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await LifecycleEnvironment.StartAsync();
        _env.Emulator.Settings.ServiceNameForm = nameForm;
        _cloud = await _env.CloudAsync();
        _http = new HttpClient { BaseAddress = _env.Emulator.BaseUrl };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http?.Dispose();
        _cloud?.Dispose();
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [Test]
    public void Every_documented_field_is_classified() =>
        Assert.That(DocumentedGetFields(), Is.SubsetOf(Origins.Keys), "say how the cloud or the program sets each documented field");

    [TestCaseSource(nameof(CloudSetFields))]
    public async Task A_field_the_cloud_set_is_no_change_after_refresh(string field)
    {
        var stack = _env.NewStack();
        var name = "refreshed-" + field.Replace('_', '-');
        var program = ProgramWithoutOptionalInputs(ServiceInputs.NewPortId());
        var id = await WithTheCloudSettingAsync(field, () => CreateThroughTheProviderAsync(stack, name, program));
        await EditThatChangesNothingAsync(field, id);
        await AssertTheCloudSetAsync(field, id);

        var refresh = await stack.RefreshAsync(name);
        var plan = await stack.PreviewAsync(name, program);

        Assert.That(refresh.Gone, Is.False);
        Assert.That(refresh.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone), () => $"refresh shows drift: {refresh.Diff}");
        Assert.That(plan.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone), () => $"the plan after refresh: {plan.Diff}");
        Assert.That(plan.Kind, Is.EqualTo(Origins[field] == Origin.CloudWhenCreationFails ? StepKind.Update : StepKind.Same),
            "a no-op plan (a resource with init errors is always updated, to retry)");

        await stack.DestroyAsync(name);
    }

    [TestCaseSource(nameof(CloudSetFields))]
    public async Task A_field_the_cloud_set_is_no_change_after_import(string field)
    {
        var portId = ServiceInputs.NewPortId();
        var id = await WithTheCloudSettingAsync(field, () => CreateOutsidePulumiAsync(portId));
        await EditThatChangesNothingAsync(field, id);
        await AssertTheCloudSetAsync(field, id);
        var stack = _env.NewStack();
        var name = "imported-" + field.Replace('_', '-');

        var (imported, warnings) = await stack.ImportAsync(name, id);
        var plan = await stack.PreviewAsync(name, ProgramWithoutOptionalInputs(portId));

        Assert.That(warnings, Is.Empty, "the imported inputs pass Check");
        Assert.That(imported.Id, Is.EqualTo(id));
        Assert.That(plan.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone), () => $"import then plan: {plan.Diff}");

        await stack.DestroyAsync(name);
    }

    private static IReadOnlyList<string> DocumentedGetFields()
    {
        var documented = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DocumentedExamples", "vpcep-service-get.json")))!;
        return [.. documented["response"]!["fields"]!.AsObject().Select(pair => pair.Key)];
    }

    /// <summary>Only the required inputs; every port mapping without its protocol.</summary>
    private static PropertyMap ProgramWithoutOptionalInputs(string portId) => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["portId"] = portId,
        ["vpcId"] = "vpc-guard",
        ["serverType"] = "LB",
        ["ports"] = PropertyValue.From([PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue> { ["clientPort"] = 80, ["serverPort"] = 8080 }))]),
    });

    /// <summary>Runs the creation; for <c>error</c> with the emulator failing it, so the cloud answers <c>failed</c> with <c>error[]</c>.</summary>
    private async Task<string> WithTheCloudSettingAsync(string field, Func<Task<string>> create)
    {
        _env.Emulator.Settings.FailCreates = Origins[field] == Origin.CloudWhenCreationFails;
        try
        {
            return await create();
        }
        finally
        {
            _env.Emulator.Settings.FailCreates = false;
        }
    }

    private static async Task<string> CreateThroughTheProviderAsync(ResourcesOfType stack, string name, PropertyMap program)
    {
        try
        {
            return (await stack.UpAsync(name, program)).Id;
        }
        catch (ResourceOperationException failure) when (failure.InitFailed is { } partial)
        {
            // A creation that ended failed: the engine records the service with its init errors.
            Assert.That(stack.Get(name).HasInitErrors, Is.True);
            return partial.Id;
        }
    }

    private async Task<string> CreateOutsidePulumiAsync(string portId)
    {
        var created = await _cloud.CreateServiceAsync(new CreateServiceRequest
        {
            PortId = portId,
            VpcId = "vpc-guard",
            ServerType = "LB",
            Ports = [new PortMapping { ClientPort = 80, ServerPort = 8080 }],
        }, CancellationToken.None);
        try
        {
            await ServiceWaiter.WaitForAvailableAsync(_cloud, created.Id, TimeSpan.FromSeconds(30), null, CancellationToken.None,
                new WaitPolicy { InitialDelay = TimeSpan.FromMilliseconds(100) });
        }
        catch (ServiceFailedException)
        {
            // The import of a failed service is what the error case is about.
        }

        return created.Id;
    }

    private async Task EditThatChangesNothingAsync(string field, string id)
    {
        if (Origins[field] == Origin.CloudAfterAnEditThatChangesNothing)
        {
            var before = await _cloud.GetServiceAsync(id, CancellationToken.None);
            _env.Clock.Advance(TimeSpan.FromMilliseconds(1100));
            await _cloud.UpdateServiceAsync(id, new UpdateServiceRequest { ApprovalEnabled = before.ApprovalEnabled }, CancellationToken.None);
            var after = await _cloud.GetServiceAsync(id, CancellationToken.None);
            Assert.That(after.UpdatedAt, Is.Not.EqualTo(before.UpdatedAt), "the cloud moved updated_at");
        }
    }

    /// <summary>The cloud's own answer carries the field, so the no-op below is about a value the cloud set.</summary>
    private async Task AssertTheCloudSetAsync(string field, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _env.ServicePath(id));
        request.Headers.TryAddWithoutValidation("X-Auth-Token", EmulatorAccounts.StaticToken);
        using var response = await _http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.That(answer.ContainsKey(field), Is.True, () => $"the cloud's answer has no {field}: {answer.ToJsonString()}");
        if (field == "ports")
        {
            Assert.That(answer["ports"]![0]!["protocol"]!.GetValue<string>(), Is.EqualTo("TCP"), "the cloud filled in the protocol");
        }
    }
}
