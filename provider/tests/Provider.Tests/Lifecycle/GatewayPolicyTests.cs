using System.Text.Json;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// A gateway endpoint's <c>policyStatements</c> and a failed endpoint's <c>errors</c>, through the published binary
/// against the emulator (eu-de's documented surface): the create body the API reference documents, a clean refresh, a
/// replacement for a changed statement and none for a reordered one, the cloud's default policy as no change, the
/// refusal for interface services, and the cloud's error code and message in the state and the partial-failure message.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class GatewayPolicyTests
{
    private LifecycleEnvironment _env = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _env = await LifecycleEnvironment.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [TearDown]
    public void ResetEmulator() => _env.Emulator.Settings.FailCreates = false;

    /// <summary>One bucket's objects may be read and written; deleting the bucket is denied.</summary>
    internal static PropertyValue TwoStatements(string bucket = "team-bucket") => PropertyValue.From(new PropertyValue[]
    {
        Statement("Allow", ["obs:object:GetObject", "obs:object:PutObject"], [$"obs:*:*:object:{bucket}/*"]),
        Statement("Deny", ["obs:bucket:DeleteBucket"], [$"obs:*:*:bucket:{bucket}"]),
    });

    internal static PropertyValue Statement(string effect, string[] actions, string[] resources) => PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["effect"] = effect,
        ["actions"] = ServiceInputs.Strings(actions),
        ["resources"] = ServiceInputs.Strings(resources),
    }));

    [Test]
    public async Task Two_statements_create_with_the_documented_body_refresh_clean_and_a_changed_statement_replaces()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var program = EndpointInputs.Gateway().With("policyStatements", TwoStatements());
        _env.Emulator.Journal.Clear();

        var created = await endpoints.UpAsync("policy", program);

        var post = _env.Mutations().Single(call => call.Method == "POST");
        using (var body = JsonDocument.Parse(post.Body!))
        {
            var sent = body.RootElement.GetProperty("policy_statement");
            Assert.That(sent.GetArrayLength(), Is.EqualTo(2));
            Assert.That(sent[0].EnumerateObject().Select(member => member.Name), Is.EquivalentTo(new[] { "Effect", "Action", "Resource" }), "the API reference's spelling");
            Assert.That(sent[0].GetProperty("Effect").GetString(), Is.EqualTo("Allow"));
            Assert.That(sent[0].GetProperty("Action").EnumerateArray().Select(action => action.GetString()), Is.EqualTo(new[] { "obs:object:GetObject", "obs:object:PutObject" }));
            Assert.That(sent[1].GetProperty("Resource").EnumerateArray().Select(resource => resource.GetString()), Is.EqualTo(new[] { "obs:*:*:bucket:team-bucket" }));
        }

        Assert.That(created.Outputs!["policyStatements"].ValueEquals(TwoStatements()), Is.True, () => $"{created.Outputs["policyStatements"]}");
        var refreshed = await endpoints.RefreshAsync("policy");
        Assert.That(refreshed.HasDrift, Is.False, () => $"{refreshed.Diff}");

        var reordered = PropertyValue.From(new PropertyValue[]
        {
            Statement("Deny", ["obs:bucket:DeleteBucket"], ["obs:*:*:bucket:team-bucket"]),
            Statement("Allow", ["obs:object:PutObject", "obs:object:GetObject"], ["obs:*:*:object:team-bucket/*"]),
        });
        var same = await endpoints.PreviewAsync("policy", program.With("policyStatements", reordered));
        Assert.That(same.Kind, Is.EqualTo(StepKind.Same), "neither the statements' order nor their actions' order means anything");

        var changed = await endpoints.PreviewAsync("policy", program.With("policyStatements", TwoStatements("other-bucket")));
        Assert.That(changed.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(changed.Diff!.Replaces, Is.EqualTo(new[] { "policyStatements" }));

        await endpoints.DestroyAsync("policy");
    }

    [Test]
    public async Task A_program_without_a_policy_previews_clean_against_the_clouds_default_policy()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);

        var created = await endpoints.UpAsync("default-policy", EndpointInputs.Gateway());

        var policy = created.Outputs!["policyStatements"];
        Assert.That(policy.TryGetArray(out var statements) && statements.Length == 1, Is.True, () => $"the cloud's default policy is in the state: {policy}");
        Assert.That(policy.ValueEquals(PropertyValue.From(new[] { Statement("Allow", ["obs:*:*"], ["obs:*:*:*:*/*", "obs:*:*:*:*"]) })), Is.True, () => $"{policy}");
        Assert.That(created.CheckedInputs.ContainsKey("policyStatements"), Is.False);
        var (refresh, plan) = await endpoints.PreviewWithRefreshAsync("default-policy", EndpointInputs.Gateway());
        Assert.That(refresh.HasDrift, Is.False, () => $"{refresh.Diff}");
        Assert.That(plan!.Kind, Is.EqualTo(StepKind.Same), "the cloud's default is no change while the program leaves the policy out");

        var writtenOut = await endpoints.PreviewAsync("default-policy", EndpointInputs.Gateway().With("policyStatements",
            PropertyValue.From(new[] { Statement("Allow", ["obs:*:*"], ["obs:*:*:*:*", "obs:*:*:*:*/*"]) })));
        Assert.That(writtenOut.Kind, Is.EqualTo(StepKind.Same), "the default written out in another order is the policy the endpoint holds");

        await endpoints.DestroyAsync("default-policy");
    }

    [Test]
    public async Task An_interface_service_refuses_a_policy_before_anything_is_created()
    {
        var services = _env.NewStack();
        var serviceId = (await services.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()).With("approvalEnabled", false))).Id;
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        _env.Emulator.Journal.Clear();

        // Without a subnet, Check cannot tell the kind of service: only the cloud knows it.
        var failure = Assert.ThrowsAsync<ResourceOperationException>(() =>
            endpoints.UpAsync("interface-policy", EndpointInputs.Interface(serviceId).Without("subnetId").With("policyStatements", TwoStatements())));

        Assert.That(failure!.Rpc, Is.EqualTo("Create"));
        Assert.That(failure.InitFailed, Is.Null);
        Assert.That(failure.StatusDetail, Does.Contain("policyStatements: only gateway endpoints take a policy").And.Contain(serviceId));
        Assert.That(failure.StatusDetail, Does.Contain("subnetId: required"), "every problem with the service's kind at once");
        Assert.That(_env.Mutations(), Is.Empty, "nothing was created");

        await services.DestroyAsync("svc");
    }

    [Test]
    public void Check_names_the_statement_and_the_rule()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var eleven = PropertyValue.From(Enumerable.Range(0, 11).Select(index => Statement("Allow", ["obs:*:*"], [$"obs:*:*:bucket:b{index}"])).ToArray());
        var bad = PropertyValue.From(new[] { Statement("allow", ["obs:*:*"], []), Statement("Maybe", ["obs:*:*"], ["obs:*:*:bucket:b"]) });

        var tooMany = Assert.ThrowsAsync<CheckFailedException>(() => endpoints.PreviewAsync("bad-policy", EndpointInputs.Gateway().With("policyStatements", eleven)));
        var invalid = Assert.ThrowsAsync<CheckFailedException>(() => endpoints.PreviewAsync("bad-policy", EndpointInputs.Gateway().With("policyStatements", bad)));
        var mixed = Assert.ThrowsAsync<CheckFailedException>(() =>
            endpoints.PreviewAsync("bad-policy", EndpointInputs.Interface("svc-id").With("policyStatements", TwoStatements())));

        Assert.That(tooMany!.Failures.Select(f => (f.Property, f.Reason)), Has.Some.Matches<(string Property, string Reason)>(
            f => f.Property == "policyStatements" && f.Reason.Contains("at most 10 statements", StringComparison.Ordinal)));
        Assert.That(invalid!.Failures.Select(f => f.Property), Is.EquivalentTo(new[] { "policyStatements[0].resources", "policyStatements[1].effect" }),
            "'allow' is Allow in another case; 'Maybe' is no effect");
        Assert.That(invalid.Failures.Single(f => f.Property == "policyStatements[1].effect").Reason, Does.Contain("Allow, Deny"));
        Assert.That(mixed!.Failures.Single().Reason, Does.Contain("'policyStatements' is only for gateway services").And.Contain("'subnetId'"));
    }

    [Test]
    public async Task An_endpoint_that_ends_failed_reports_its_errors_in_state_and_in_the_partial_failure_message()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        _env.Emulator.Settings.FailCreates = true;

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => endpoints.UpAsync("failing", EndpointInputs.Gateway()));

        Assert.That(failure!.InitFailed, Is.Not.Null, "the id is handed back");
        var reasons = string.Join(" | ", failure.InitFailed!.Reasons);
        Assert.That(reasons, Does.Contain("EndPoint.2023").And.Contain("could not be connected to service"), "OTC's error code and message");
        var recorded = endpoints.Get("failing");
        Assert.That(recorded.Outputs["status"].ValueEquals("failed"), Is.True);
        var errors = recorded.Outputs["errors"];
        Assert.That(errors.TryGetArray(out var entries) && entries.Length == 1, Is.True, () => $"{errors}");
        Assert.That(entries[0].TryGetObject(out var entry) && entry["code"].ValueEquals("EndPoint.2023"), Is.True, () => $"{errors}");
        Assert.That(entry["message"].TryGetString(out var message) ? message : null, Does.Contain("could not be connected"));

        _env.Emulator.Settings.FailCreates = false;
        var refreshed = await endpoints.RefreshAsync("failing");
        Assert.That(endpoints.Get("failing").Outputs["errors"].ValueEquals(errors), Is.True, "refresh reads the same reasons");
        Assert.That(refreshed.HasDrift, Is.False, () => $"{refreshed.Diff}");

        await endpoints.DestroyAsync("failing");
    }

    [Test]
    public async Task A_healthy_endpoint_reports_the_answers_other_fields_and_no_errors()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);

        var outputs = (await endpoints.UpAsync("fields", EndpointInputs.Gateway())).Outputs!;

        Assert.That(outputs["enableStatus"].ValueEquals("enable"), Is.True);
        Assert.That(outputs["activeStatus"].ValueEquals(ServiceInputs.Strings("active")), Is.True);
        Assert.That(outputs["specificationName"].ValueEquals("default"), Is.True);
        Assert.That(outputs["errors"].TryGetArray(out var errors) && errors.Length == 0, Is.True);

        await endpoints.DestroyAsync("fields");
    }
}
