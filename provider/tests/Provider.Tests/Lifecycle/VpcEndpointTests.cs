using Grpc.Core;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;
using Kind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// <c>otc:vpcep:VpcEndpoint</c> through the published binary against the emulator: create (pending approval or
/// accepted), every row of the change table, the checks against the service's kind, partial failure, refresh safety,
/// import and delete, asserting both the engine's answers and the exact API calls.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class VpcEndpointTests
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

    private async Task<(ResourcesOfType Services, string ServiceId)> ServiceAsync(bool approval, string name = "svc")
    {
        var services = _env.NewStack();
        var id = (await services.UpAsync(name, ServiceInputs.Base(ServiceInputs.NewPortId()).With("approvalEnabled", approval))).Id;
        return (services, id);
    }

    [Test]
    public async Task Create_returns_at_pending_acceptance_and_says_that_the_owner_must_approve()
    {
        var (services, serviceId) = await ServiceAsync(approval: true);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        _env.Emulator.Journal.Clear();

        var created = await endpoints.UpAsync("pending", EndpointInputs.Interface(serviceId));

        var outputs = created.Outputs!;
        Assert.That(outputs["status"].ValueEquals("pendingAcceptance"), Is.True);
        Assert.That(outputs["serviceName"].ValueEquals($"eu-de.lifecycle.{serviceId}"), Is.True);
        Assert.That(outputs["serviceType"].ValueEquals("interface"), Is.True);
        Assert.That(outputs["projectId"].ValueEquals(EmulatorAccounts.DefaultProjectId), Is.True);
        Assert.That(outputs["markerId"].TryGetString(out var marker) ? marker : null, Does.Match("^[0-9]{9}$"), "the emulator's nine-digit marker, as text");
        Assert.That(outputs.ContainsKey("ip"), Is.False, "no IP before the connection is accepted");
        Assert.That(_env.Mutations().Select(call => (call.Method, call.Path)), Is.EqualTo(new[] { ("POST", _env.EndpointsPath) }), "exactly one create call");
        Assert.That(_env.Provider.Logs.Select(log => log.Message), Has.Some.Contains("waits for the owner of service " + serviceId));

        await endpoints.DestroyAsync("pending");
        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task With_approval_off_the_endpoint_is_accepted_and_reports_its_ip_and_dns_names()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);

        var created = await endpoints.UpAsync("accepted", EndpointInputs.Interface(serviceId).With("enableDns", true));

        var outputs = created.Outputs!;
        Assert.That(outputs["status"].ValueEquals("accepted"), Is.True);
        Assert.That(outputs["ip"].TryGetString(out var ip), Is.True);
        Assert.That(outputs["portIp"].ValueEquals(ip), Is.True, "the cloud's choice of IP is the portIp output");
        Assert.That(outputs["dnsNames"].TryGetArray(out var names) && names.Length == 1, Is.True);
        Assert.That(created.CheckedInputs.ContainsKey("portIp"), Is.False);

        var refreshed = await endpoints.RefreshAsync("accepted");
        var plan = await endpoints.PreviewAsync("accepted", EndpointInputs.Interface(serviceId).With("enableDns", true));
        Assert.That(refreshed.HasDrift, Is.False, () => $"{refreshed.Diff}");
        Assert.That(plan.Kind, Is.EqualTo(StepKind.Same), "the IP the cloud chose is no change");

        await endpoints.DestroyAsync("accepted");
        await services.DestroyAsync("svc");
    }

    [TestCase("vpcId", "vpc-other")]
    [TestCase("subnetId", "subnet-other")]
    [TestCase("portIp", "10.1.2.4")]
    [TestCase("description", "changed")]
    [TestCase("enableDns", "false")]
    [TestCase("enableWhitelist", "false")]
    [TestCase("whitelist", "10.9.9.9")]
    public async Task Every_change_but_tags_replaces_the_endpoint_create_first(string key, string value)
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var program = EndpointInputs.Full(serviceId);
        var oldId = (await endpoints.UpAsync("replaced", program)).Id;
        PropertyValue changed = value switch
        {
            "false" => false,
            _ when key == "whitelist" => ServiceInputs.Strings(value),
            _ => value,
        };
        _env.Emulator.Journal.Clear();

        var step = await endpoints.UpAsync("replaced", program.With(key, changed));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(step.Diff!.Replaces, Is.EqualTo(new[] { key }));
        Assert.That(step.DeleteBeforeReplace, Is.False);
        Assert.That(_env.Mutations().Select(call => (call.Method, call.Path)), Is.EqualTo(new[]
        {
            ("POST", _env.EndpointsPath),
            ("DELETE", $"{_env.EndpointsPath}/{oldId}"),
        }), "the new endpoint first, then the old one goes");

        await endpoints.DestroyAsync("replaced");
        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task Another_service_replaces_the_endpoint()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var other = (await services.UpAsync("other", ServiceInputs.Base(ServiceInputs.NewPortId()).With("approvalEnabled", false))).Id;
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var oldId = (await endpoints.UpAsync("moved", EndpointInputs.Interface(serviceId))).Id;
        _env.Emulator.Journal.Clear();

        var step = await endpoints.UpAsync("moved", EndpointInputs.Interface(other));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(step.Diff!.Replaces, Is.EqualTo(new[] { "serviceId" }));
        Assert.That(step.Outputs!["serviceId"].ValueEquals(other), Is.True);
        Assert.That(_env.Mutations().Select(call => (call.Method, call.Path)), Is.EqualTo(new[]
        {
            ("POST", _env.EndpointsPath),
            ("DELETE", $"{_env.EndpointsPath}/{oldId}"),
        }));

        await endpoints.DestroyAsync("moved");
        await services.DestroyAsync("other");
        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task Other_route_tables_replace_a_gateway_endpoint()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var program = EndpointInputs.Gateway().With("routeTables", ServiceInputs.Strings("rtb-1", "rtb-2"));
        await endpoints.UpAsync("gateway-tables", program);

        var reordered = await endpoints.PreviewAsync("gateway-tables", program.With("routeTables", ServiceInputs.Strings("rtb-2", "rtb-1")));
        var changed = await endpoints.UpAsync("gateway-tables", program.With("routeTables", ServiceInputs.Strings("rtb-3")));

        Assert.That(reordered.Kind, Is.EqualTo(StepKind.Same), "the order of route tables does not matter");
        Assert.That(changed.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(changed.Diff!.Replaces, Is.EqualTo(new[] { "routeTables" }));
        Assert.That(changed.Outputs!["routeTables"].ValueEquals(ServiceInputs.Strings("rtb-3")), Is.True);

        await endpoints.DestroyAsync("gateway-tables");
    }

    [Test]
    public async Task Check_names_each_bad_input_before_anything_is_called()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        _env.Emulator.Journal.Clear();

        var failure = Assert.ThrowsAsync<CheckFailedException>(() => endpoints.PreviewAsync("bad", EndpointInputs.Interface("svc")
            .With("whitelist", ServiceInputs.Strings("10.0.0.1", "not-an-address"))
            .With("portIp", "198.19.130.5")
            .With("description", "<b>")));

        Assert.That(failure!.Failures.Select(f => f.Property), Is.EquivalentTo(new[] { "whitelist[1]", "portIp", "description" }));
        Assert.That(_env.Calls(), Is.Empty);
    }

    [Test]
    public async Task A_tag_change_updates_in_place_with_the_tag_action_only()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var program = EndpointInputs.Full(serviceId);
        var id = (await endpoints.UpAsync("tagged", program)).Id;
        _env.Emulator.Journal.Clear();

        var step = await endpoints.UpAsync("tagged", program.With("tags", ServiceInputs.Tags(("env", "prod"), ("team", "net"))));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(step.Diff!.DetailedDiff.Select(pair => (pair.Key, pair.Value.Kind)), Is.EquivalentTo(new[] { ("tags.env", Kind.Update), ("tags.team", Kind.Add) }));
        Assert.That(_env.Mutations().Select(call => (call.Method, call.Path)), Is.EqualTo(new[]
        {
            ("POST", $"/v1/{_env.ProjectId}/endpoint/{id}/tags/action"),
            ("POST", $"/v1/{_env.ProjectId}/endpoint/{id}/tags/action"),
        }), "delete the changed key, create the new values");
        Assert.That(step.Outputs!["tags"].ValueEquals(ServiceInputs.Tags(("env", "prod"), ("team", "net"))), Is.True);

        await endpoints.DestroyAsync("tagged");
        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task An_interface_endpoint_without_a_subnet_fails_before_anything_is_created()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        _env.Emulator.Journal.Clear();

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => endpoints.UpAsync("no-subnet", EndpointInputs.Interface(serviceId).Without("subnetId")));

        Assert.That(failure!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.StatusDetail, Does.Contain("subnetId").And.Contain("interface service"));
        Assert.That(failure.InitFailed, Is.Null);
        Assert.That(_env.Mutations(), Is.Empty, "nothing was created");
        Assert.That(endpoints.Find("no-subnet"), Is.Null);

        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task A_gateway_endpoint_gets_the_vpcs_route_table_which_a_program_that_names_none_never_changes()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);

        var created = await endpoints.UpAsync("gateway", EndpointInputs.Gateway());
        var refresh = await endpoints.RefreshAsync("gateway");
        var plan = await endpoints.PreviewAsync("gateway", EndpointInputs.Gateway());
        var withWhitelist = Assert.ThrowsAsync<ResourceOperationException>(() =>
            endpoints.UpAsync("gateway-whitelisted", EndpointInputs.Gateway().With("whitelist", ServiceInputs.Strings("10.0.0.1"))));

        Assert.That(created.Outputs!["status"].ValueEquals("accepted"), Is.True);
        Assert.That(created.Outputs["routeTables"].TryGetArray(out var tables) && tables.Length == 1, Is.True);
        Assert.That(created.Outputs["serviceName"].ValueEquals("com.t-systems.otc.eu-de.obs"), Is.True);
        Assert.That(refresh.HasDrift, Is.False);
        Assert.That(plan.Kind, Is.EqualTo(StepKind.Same));
        Assert.That(withWhitelist!.StatusDetail, Does.Contain("whitelist: only interface endpoints take it"));

        await endpoints.DestroyAsync("gateway");
    }

    [Test]
    public async Task An_endpoint_that_ends_failed_is_kept_in_the_stack_with_its_id()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        _env.Emulator.Settings.FailCreates = true;
        ResourceOperationException? failure;
        try
        {
            failure = Assert.ThrowsAsync<ResourceOperationException>(() => endpoints.UpAsync("failing", EndpointInputs.Interface(serviceId)));
        }
        finally
        {
            _env.Emulator.Settings.FailCreates = false;
        }

        var recorded = endpoints.Get("failing");
        Assert.That(failure!.InitFailed, Is.Not.Null);
        Assert.That(recorded.Id, Is.EqualTo(failure.InitFailed!.Id));
        Assert.That(recorded.Outputs["status"].ValueEquals("failed"), Is.True);
        Assert.That(recorded.InitErrors, Has.Some.Contains("failed"));

        // Refresh keeps it (with the reason as a warning); destroy removes it.
        var refresh = await endpoints.RefreshAsync("failing");
        Assert.That(refresh.Gone, Is.False);
        Assert.That(refresh.Warnings, Has.Some.Contains("failed"));
        await endpoints.DestroyAsync("failing");
        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task Refresh_after_a_server_error_or_timeout_keeps_the_endpoint_and_after_a_404_drops_it()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var id = (await endpoints.UpAsync("refreshed", EndpointInputs.Interface(serviceId))).Id;

        _env.Emulator.Faults.Add(new FaultRule { Method = "GET", Path = $"vpc-endpoints/{id}$", Status = 503, ErrorCode = "EndPoint.0001", ErrorMsg = "busy" });
        var serverError = Assert.ThrowsAsync<ResourceOperationException>(() => endpoints.RefreshAsync("refreshed"));
        _env.Emulator.Faults.Clear();
        _env.Emulator.Faults.Add(new FaultRule { Method = "GET", Path = $"vpc-endpoints/{id}$", LatencyMs = 5000, Times = 1 });
        var timedOut = Assert.ThrowsAsync<ResourceOperationException>(() =>
            endpoints.RefreshAsync("refreshed", new ResourceOptions { Timeouts = new CustomTimeouts { Read = TimeSpan.FromMilliseconds(500) } }));
        _env.Emulator.Faults.Clear();

        Assert.That(serverError!.StatusDetail, Does.Contain("EndPoint.0001"));
        Assert.That(timedOut!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
        Assert.That(endpoints.Find("refreshed"), Is.Not.Null, "a failed read never forgets the endpoint");

        using var cloud = await _env.CloudAsync();
        await cloud.DeleteEndpointAsync(id, CancellationToken.None);
        await Otc.CloudClient.EndpointWaiter.WaitForDeletedAsync(cloud, id, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        var gone = await endpoints.RefreshAsync("refreshed");

        Assert.That(gone.Gone, Is.True);
        Assert.That(endpoints.Find("refreshed"), Is.Null);
        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task Import_then_preview_of_the_same_program_is_a_no_op()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        using var cloud = await _env.CloudAsync();
        var created = await cloud.CreateEndpointAsync(new Otc.CloudClient.CreateEndpointRequest
        {
            EndpointServiceId = serviceId,
            VpcId = "vpc-consumer",
            SubnetId = "subnet-consumer",
            Description = "made outside Pulumi",
            Tags = [new Otc.CloudClient.ResourceTag { Key = "owner", Value = "ops" }],
        }, CancellationToken.None);
        await Otc.CloudClient.EndpointWaiter.WaitForReadyAsync(cloud, created.Id, TimeSpan.FromSeconds(30), null, CancellationToken.None);

        var (imported, warnings) = await endpoints.ImportAsync("imported", created.Id);
        _env.Emulator.Journal.Clear();
        var plan = await endpoints.PreviewAsync("imported", EndpointInputs.Interface(serviceId)
            .With("description", "made outside Pulumi").With("tags", ServiceInputs.Tags(("owner", "ops"))));

        Assert.That(warnings, Is.Empty);
        Assert.That(imported.Inputs.ContainsKey("portIp"), Is.True, "import reproduces the IP the cloud chose");
        Assert.That(plan.Kind, Is.EqualTo(StepKind.Same), () => $"{plan.Diff}");
        Assert.That(plan.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone));
        Assert.That(_env.Calls(), Is.Empty);

        await endpoints.DestroyAsync("imported");
        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task Delete_waits_until_the_endpoint_is_gone_and_an_endpoint_already_gone_is_fine()
    {
        var (services, serviceId) = await ServiceAsync(approval: false);
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var id = (await endpoints.UpAsync("deleted", EndpointInputs.Interface(serviceId))).Id;
        var again = endpoints.Get("deleted");

        await endpoints.DestroyAsync("deleted");
        var afterDelete = _env.Calls().Where(call => call.Path == $"{_env.EndpointsPath}/{id}").Select(call => (call.Method, call.Status)).ToList();
        endpoints.Remember(again);
        await endpoints.DestroyAsync("deleted");

        Assert.That(afterDelete, Does.Contain(("DELETE", 204)));
        Assert.That(afterDelete[^1], Is.EqualTo(("GET", 404)), "delete waited until the endpoint answered 404");
        Assert.That(endpoints.Find("deleted"), Is.Null);
        await services.DestroyAsync("svc");
    }
}
