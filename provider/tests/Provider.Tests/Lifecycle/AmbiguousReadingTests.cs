using Otc.CloudClient;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// One test per row of the table of ambiguous readings (emulator/README.md, provider/ARCHITECTURE.md), through the
/// published binary: each runs against the lenient emulator and against the strict one, because the provider must be
/// right under both readings of the API reference.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
[Parallelizable(ParallelScope.Self)]
public sealed class AmbiguousReadingTests(bool strict)
{
    /// <summary>
    /// How long a deleted resource stays <c>deleting</c> in the lost-answer tests: the retry (one backoff of at most
    /// 200 ms away) must find it still deleting rather than gone, which either reading answers differently.
    /// </summary>
    private static readonly TimeSpan LongEnoughForTheRetry = TimeSpan.FromSeconds(3);

    private LifecycleEnvironment _env = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _env = await LifecycleEnvironment.StartAsync(strict: strict);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [SetUp]
    public void Reset()
    {
        _env.Emulator.Faults.Clear();
        _env.Emulator.Settings.FailCreates = false;
        _env.Emulator.Settings.RateLimit = null;
        _env.Emulator.Settings.DeleteDelay = TimeSpan.FromMilliseconds(100);
        _env.Emulator.Journal.Clear();
    }

    /// <summary>Modify with approval_enabled / tcp_proxy left out: kept (lenient) or set to the documented defaults (strict).</summary>
    [TestCase("ports")]
    [TestCase("serviceName")]
    [TestCase("description")]
    public async Task A_change_of_one_field_leaves_approval_off_and_the_proxy_mode_untouched(string changed)
    {
        var stack = _env.NewStack();
        var program = ServiceInputs.Base(ServiceInputs.NewPortId()).With("approvalEnabled", false).With("tcpProxy", "toa_open");
        var id = (await stack.UpAsync("svc", program)).Id;
        var changedProgram = program.With(changed, changed switch
        {
            "ports" => ServiceInputs.Ports((80, 8080), (8443, 9443)),
            "serviceName" => PropertyValue.From("renamed"),
            _ => PropertyValue.From("changed in place"),
        });

        var plan = await stack.PreviewAsync("svc", changedProgram);
        var step = await stack.UpAsync("svc", changedProgram);
        var live = await StrictReadings.ApprovalAndProxyAsync(_env, id);
        var refreshed = await stack.RefreshAsync("svc");

        Assert.That(plan.ChangedKeys, Is.EqualTo(new[] { changed }), "the plan shows only what changed");
        Assert.That(step.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(live, Is.EqualTo((false, "toa_open")), "what the cloud holds after the PUT");
        Assert.That(step.Outputs!["approvalEnabled"].ValueEquals(false), Is.True);
        Assert.That(step.Outputs["tcpProxy"].ValueEquals("toa_open"), Is.True);
        Assert.That(refreshed.HasDrift, Is.False, () => $"{refreshed.Diff}");

        await stack.DestroyAsync("svc");
    }

    /// <summary>DELETE of a service already deleting (a retry after a lost answer): 204 again (lenient) or 400 EndPoint.2018 (strict).</summary>
    [Test]
    public async Task A_service_delete_whose_answer_is_lost_succeeds_on_the_retry()
    {
        var stack = _env.NewStack();
        var id = (await stack.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        _env.Emulator.Faults.Add(new FaultRule { Method = "DELETE", Path = "/vpc-endpoint-services/", DropResponse = true, Times = 1 });
        _env.Emulator.Settings.DeleteDelay = LongEnoughForTheRetry;
        _env.Emulator.Journal.Clear();

        await stack.DestroyAsync("svc");

        Assert.That(Deletes(id), Is.EqualTo(new[] { 204, strict ? 400 : 204 }), "the first answer was lost; the retry found it deleting");
        await AssertServiceGoneAsync(id);
    }

    [Test]
    public async Task An_endpoint_delete_whose_answer_is_lost_succeeds_on_the_retry()
    {
        var services = _env.NewStack();
        var serviceId = (await services.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()).With("approvalEnabled", false))).Id;
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var id = (await endpoints.UpAsync("endpoint", EndpointInputs.Interface(serviceId))).Id;
        _env.Emulator.Faults.Add(new FaultRule { Method = "DELETE", Path = "/vpc-endpoints/", DropResponse = true, Times = 1 });
        _env.Emulator.Settings.DeleteDelay = LongEnoughForTheRetry;
        _env.Emulator.Journal.Clear();

        await endpoints.DestroyAsync("endpoint");

        Assert.That(Deletes(id), Is.EqualTo(new[] { 204, strict ? 400 : 204 }));
        _env.Emulator.Settings.DeleteDelay = TimeSpan.FromMilliseconds(100);
        using (var cloud = await _env.CloudAsync())
        {
            Assert.That((await cloud.ListEndpointsAsync(CancellationToken.None)).Select(endpoint => endpoint.Id), Does.Not.Contain(id));
        }

        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task A_delete_refused_for_any_reason_counts_as_accepted_when_the_service_shows_deleting()
    {
        var stack = _env.NewStack();
        var id = (await stack.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        _env.Emulator.Faults.Add(new FaultRule { Method = "DELETE", Path = "/vpc-endpoint-services/", DropResponse = true, Times = 1 });
        _env.Emulator.Faults.Add(new FaultRule { Method = "DELETE", Path = "/vpc-endpoint-services/", Status = 400, ErrorCode = "EndPoint.3005", ErrorMsg = "Failed to delete the endpoint service.", Times = 1 });
        _env.Emulator.Settings.DeleteDelay = LongEnoughForTheRetry;
        _env.Emulator.Journal.Clear();

        await stack.DestroyAsync("svc");

        Assert.That(Deletes(id), Is.EqualTo(new[] { 204, 400 }));
        await AssertServiceGoneAsync(id);
    }

    [Test]
    public async Task A_delete_refused_while_the_service_is_still_there_fails_with_the_clouds_error_and_keeps_it()
    {
        var stack = _env.NewStack();
        var id = (await stack.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        _env.Emulator.Faults.Add(new FaultRule { Method = "DELETE", Path = "/vpc-endpoint-services/", Status = 400, ErrorCode = "EndPoint.3005", ErrorMsg = "Failed to delete the endpoint service.", Times = 1 });

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => stack.DestroyAsync("svc"));

        Assert.That(failure!.StatusDetail, Does.Contain("EndPoint.3005").And.Contain("Failed to delete the endpoint service."));
        Assert.That(stack.Find("svc"), Is.Not.Null, "the service stays in the stack");
        await stack.DestroyAsync("svc");
        await AssertServiceGoneAsync(id);
    }

    /// <summary>The approval's reject refused because the endpoint is being deleted (EndPoint.2018) counts as done.</summary>
    [Test]
    public async Task Deleting_an_approval_whose_reject_is_refused_as_being_deleted_succeeds()
    {
        var services = _env.NewStack();
        var serviceId = (await services.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var endpointId = (await endpoints.UpAsync("endpoint", EndpointInputs.Interface(serviceId))).Id;
        var approvals = _env.NewStack(LifecycleEnvironment.ApprovalType);
        await approvals.UpAsync("approval", Approval(serviceId, endpointId));
        _env.Emulator.Faults.Add(new FaultRule
        {
            Method = "POST",
            Path = "/connections/action$",
            Status = 400,
            ErrorCode = "EndPoint.2018",
            ErrorMsg = "The VPC endpoint is being deleted.",
            Times = 1,
        });
        _env.Emulator.Journal.Clear();

        await approvals.DestroyAsync("approval");

        var rejects = _env.Mutations().Where(call => call.Path == _env.ConnectionActionPath(serviceId)).ToList();
        Assert.That(rejects.Select(call => call.Status), Is.EqualTo(new[] { 400 }), "refused once, not repeated");
        Assert.That(approvals.Find("approval"), Is.Null);

        await endpoints.DestroyAsync("endpoint");
        await services.DestroyAsync("svc");
    }

    /// <summary>"Every account": sent as iam:domain::* (the action page's fixed form), read back in either form as the program wrote it.</summary>
    [TestCase("*")]
    [TestCase("iam:domain::*")]
    public async Task Permissions_for_every_account_are_accepted_and_read_back_clean(string written)
    {
        var stack = _env.NewStack();
        var program = ServiceInputs.Base(ServiceInputs.NewPortId()).With("permissions", ServiceInputs.Strings(written));

        var created = await stack.UpAsync("svc", program);
        var refreshed = await stack.RefreshAsync("svc");
        var plan = await stack.PreviewAsync("svc", program);

        var action = _env.Mutations().Single(call => call.Path.EndsWith("/permissions/action", StringComparison.Ordinal));
        Assert.That(action.Status, Is.EqualTo(200));
        Assert.That(JournalBodies.Field(action.Body, "permissions")[0].GetString(), Is.EqualTo("iam:domain::*"));
        Assert.That(created.Outputs!["permissions"].ValueEquals(ServiceInputs.Strings("*")), Is.True);
        Assert.That(refreshed.HasDrift, Is.False, () => $"{refreshed.Diff}");
        Assert.That(plan.Kind, Is.EqualTo(StepKind.Same));
        using (var cloud = await _env.CloudAsync())
        {
            var whitelist = await cloud.ListPermissionsAsync(created.Id, CancellationToken.None);
            Assert.That(whitelist.Select(entry => entry.Permission), Is.EqualTo(new[] { strict ? "*" : "iam:domain::*" }), "the strict cloud answers the bare form");
        }

        await stack.DestroyAsync("svc");
    }

    /// <summary>Gateway endpoints: no ip or dns_names (both readings), and strictly none of the interface-only fields.</summary>
    /// <summary>The connections' status filter: all six statuses (lenient) or the four the filter documents (strict).</summary>
    [Test]
    public async Task The_connection_lookup_filters_on_the_documented_statuses_and_refuses_the_others_before_any_call()
    {
        var stack = _env.NewStack();
        var service = await stack.UpAsync("filtered", ServiceInputs.Base(ServiceInputs.NewPortId()));
        _env.Emulator.Journal.Clear();

        var accepted = await _env.Provider.Client.InvokeAsync(ConnectionsRequest(service.Id, "accepted"));
        var callsForAccepted = _env.Calls().Count;
        var creating = await _env.Provider.Client.InvokeAsync(ConnectionsRequest(service.Id, "creating"));

        Assert.That(accepted.Failures, Is.Empty);
        Assert.That(_env.Calls().Select(call => (call.Query, call.Status)), Has.Some.Matches<(string Query, int Status)>(call => call.Query.Contains("status=accepted") && call.Status == 200));
        Assert.That(creating.Failures.Select(failure => failure.Property), Is.EqualTo(new[] { "status" }));
        Assert.That(_env.Calls(), Has.Count.EqualTo(callsForAccepted), "the undocumented filter never reaches the cloud");
        await stack.DestroyAsync("filtered");
    }

    [Test]
    public async Task A_gateway_endpoint_creates_refreshes_and_previews_clean()
    {
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);

        var created = await endpoints.UpAsync("gateway", EndpointInputs.Gateway());
        var refreshed = await endpoints.RefreshAsync("gateway");
        var plan = await endpoints.PreviewAsync("gateway", EndpointInputs.Gateway());

        Assert.That(created.Outputs!["status"].ValueEquals("accepted"), Is.True);
        Assert.That(created.Outputs.ContainsKey("ip"), Is.False);
        Assert.That(created.Outputs.GetOrNull("dnsNames").TryGetArray(out var names) ? names : [], Is.Empty);
        Assert.That(refreshed.HasDrift, Is.False, () => $"{refreshed.Diff}");
        Assert.That(plan.Kind, Is.EqualTo(StepKind.Same));

        await endpoints.DestroyAsync("gateway");
    }

    /// <summary>Throttling: the gateway's 429 (lenient) or the service's 400 EndPoint.0022 (strict), paced and repeated, never a failure.</summary>
    [Test]
    public async Task Twelve_concurrent_creates_under_throttling_all_succeed_and_none_is_created_twice()
    {
        await using var provider = await _env.StartProviderAsync(maxRetries: 0);
        var stack = new EngineSimulator(provider).OfType(LifecycleEnvironment.ResourceType);
        _env.Emulator.Settings.RateLimit = 4;
        var names = Enumerable.Range(0, 12).Select(i => $"burst{i:00}").ToList();

        var created = await Task.WhenAll(names.Select(name => stack.UpAsync(name, ServiceInputs.Base(ServiceInputs.NewPortId()).With("serviceName", name))));

        _env.Emulator.Settings.RateLimit = null;
        var posts = _env.Calls().Where(call => call.Method == "POST" && call.Path == _env.ServicesPath).ToList();
        Assert.That(created.Select(step => step.Id).Distinct().Count(), Is.EqualTo(12));
        Assert.That(posts.Where(call => call.Status == 200).Select(call => JournalBodies.Field(call.Body, "service_name").GetString()), Is.EquivalentTo(names), "one accepted POST per service");
        Assert.That(_env.Calls().Select(call => call.Status), Does.Contain(strict ? 400 : 429), "the limit was hit");
        using (var cloud = await _env.CloudAsync())
        {
            var burst = (await cloud.ListServicesAsync(new ServiceListQuery { Name = "burst" }, CancellationToken.None)).ToList();
            Assert.That(burst, Has.Count.EqualTo(12));
        }

        await Task.WhenAll(names.Select(name => stack.DestroyAsync(name)));
    }

    /// <summary>A failed endpoint is never sent a receive (accepted when lenient, EndPoint.2047 when strict): the others are accepted, it is named.</summary>
    [Test]
    public async Task Accepting_a_failed_endpoint_fails_naming_it_and_the_clouds_reason_while_the_others_are_accepted()
    {
        var services = _env.NewStack();
        var serviceId = (await services.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var healthy = (await endpoints.UpAsync("healthy", EndpointInputs.Interface(serviceId))).Id;
        _env.Emulator.Settings.FailCreates = true;
        var failedCreate = Assert.ThrowsAsync<ResourceOperationException>(() => endpoints.UpAsync("failing", EndpointInputs.Interface(serviceId)));
        _env.Emulator.Settings.FailCreates = false;
        var failedId = failedCreate!.InitFailed!.Id;
        var approvals = _env.NewStack(LifecycleEnvironment.ApprovalType);
        _env.Emulator.Journal.Clear();

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => approvals.UpAsync("approval", Approval(serviceId, failedId, healthy)));

        var actions = _env.Mutations().Where(call => call.Path == _env.ConnectionActionPath(serviceId)).Select(call => call.Body).ToList();
        Assert.That(failure!.StatusDetail, Does.Contain(failedId).And.Contain("EndPoint.2023").And.Contain("cannot be accepted"));
        Assert.That(actions, Has.Count.EqualTo(1).And.All.Contain(healthy), "one receive, for the healthy endpoint only");
        Assert.That(failure.IsPartialFailure, Is.True, "the accepted endpoint is recorded");
        Assert.That(await ConnectionStatusAsync(serviceId, failedId), Is.EqualTo("failed"));

        if (approvals.Find("approval") is not null)
        {
            await approvals.DestroyAsync("approval");
        }

        foreach (var name in endpoints.Resources.Keys.ToList())
        {
            await endpoints.DestroyAsync(name);
        }

        await services.DestroyAsync("svc");
    }

    [Test]
    public async Task A_receive_refused_with_endpoint_2047_fails_naming_the_endpoint_and_is_not_repeated()
    {
        var services = _env.NewStack();
        var serviceId = (await services.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        var endpointId = (await _env.NewStack(LifecycleEnvironment.EndpointType).UpAsync("endpoint", EndpointInputs.Interface(serviceId))).Id;
        _env.Emulator.Faults.Add(new FaultRule
        {
            Method = "POST",
            Path = "/connections/action$",
            Status = 400,
            ErrorCode = "EndPoint.2047",
            ErrorMsg = "The VPC endpoint in the Failed status cannot be modified.",
        });
        _env.Emulator.Journal.Clear();

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => _env.NewStack(LifecycleEnvironment.ApprovalType).UpAsync("approval", Approval(serviceId, endpointId)));

        Assert.That(failure!.StatusDetail, Does.Contain(endpointId).And.Contain("EndPoint.2047").And.Contain("cannot be accepted"));
        Assert.That(_env.Mutations().Count(call => call.Path == _env.ConnectionActionPath(serviceId)), Is.EqualTo(1), "not retried");

        _env.Emulator.Faults.Clear();
        await services.DestroyAsync("svc");
    }

    /// <summary>List offsets: "greater than 0 but less than the number" of records. A whitelist of exactly one page reads in one call.</summary>
    [Test]
    public async Task A_whitelist_of_exactly_one_full_page_creates_and_refreshes_with_one_list_call()
    {
        var stack = _env.NewStack();
        var entries = Enumerable.Range(0, 500).Select(i => $"d{i:D31}").ToArray();
        var program = ServiceInputs.Base(ServiceInputs.NewPortId()).With("permissions", ServiceInputs.Strings(entries));
        await stack.UpAsync("svc", program);
        _env.Emulator.Journal.Clear();

        var refreshed = await stack.RefreshAsync("svc");

        var lists = _env.Calls().Where(call => call.Method == "GET" && call.Path.EndsWith("/permissions", StringComparison.Ordinal)).ToList();
        Assert.That(refreshed.HasDrift, Is.False, () => $"{refreshed.Diff}");
        Assert.That(lists.Select(call => (call.Status, call.Query)), Is.EqualTo(new[] { (200, "limit=500") }), "no offset at the total");

        await stack.DestroyAsync("svc");
    }

    /// <summary>marker_id: 9 digits (lenient) or 18 (strict, past a double's exact range), output as the same digits.</summary>
    [Test]
    public async Task The_marker_id_output_is_the_clouds_number_digit_for_digit()
    {
        var services = _env.NewStack();
        var serviceId = (await services.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);

        var created = await endpoints.UpAsync("endpoint", EndpointInputs.Interface(serviceId));
        var approvals = _env.NewStack(LifecycleEnvironment.ApprovalType);
        var approval = await approvals.UpAsync("approval", Approval(serviceId, created.Id));

        string? live;
        using (var cloud = await _env.CloudAsync())
        {
            live = (await cloud.GetEndpointAsync(created.Id, CancellationToken.None)).MarkerId;
        }

        Assert.That(live, Has.Length.EqualTo(strict ? 18 : 9));
        Assert.That(created.Outputs!["markerId"].ValueEquals(live), Is.True, () => $"{created.Outputs["markerId"]} vs {live}");
        Assert.That(approval.Outputs!["connections"].TryGetArray(out var connections) && connections.Single().TryGetObject(out var connection)
            && connection["markerId"].ValueEquals(live), Is.True);

        await approvals.DestroyAsync("approval");
        await endpoints.DestroyAsync("endpoint");
        await services.DestroyAsync("svc");
    }

    /// <summary>Quotas: per project (lenient) or per account (strict). The provider checks none itself; the cloud's code reaches the user.</summary>
    [Test]
    public async Task A_service_over_the_quota_fails_with_the_clouds_code_and_leaves_nothing_behind()
    {
        await using var env = await LifecycleEnvironment.StartAsync(strict: strict, serviceQuota: 1);
        using (var otherProject = await env.CloudAsync(EmulatorAccounts.OtherProjectId))
        {
            await otherProject.CreateServiceAsync(new CreateServiceRequest
            {
                PortId = "port-other-project",
                VpcId = "vpc-other",
                ServerType = "VM",
                Ports = [new Otc.CloudClient.PortMapping { ClientPort = 80, ServerPort = 80, Protocol = "TCP" }],
            }, CancellationToken.None);
        }

        var stack = env.NewStack();
        var program = ServiceInputs.Base(ServiceInputs.NewPortId());
        if (strict)
        {
            var failure = Assert.ThrowsAsync<ResourceOperationException>(() => stack.UpAsync("svc", program));
            Assert.That(failure!.StatusDetail, Does.Contain("Endpoint.1018").And.Contain("Quota exceeded"));
            Assert.That(failure.IsPartialFailure, Is.False, "nothing was created");
            Assert.That(stack.Find("svc"), Is.Null);
            Assert.That(env.Emulator.ResourceCounts().Services, Is.EqualTo(1), "only the other project's service");
        }
        else
        {
            Assert.That((await stack.UpAsync("svc", program)).Outputs!["status"].ValueEquals("available"), Is.True, "the quota counts this project only");
        }
    }

    private IReadOnlyList<int> Deletes(string id) =>
        [.. _env.Calls().Where(call => call.Method == "DELETE" && call.Path.EndsWith("/" + id, StringComparison.Ordinal)).Select(call => call.Status)];

    private async Task AssertServiceGoneAsync(string id)
    {
        using var cloud = await _env.CloudAsync();
        Assert.That(async () => await cloud.GetServiceAsync(id, CancellationToken.None), Throws.InstanceOf<OtcApiException>().With.Property(nameof(OtcApiException.HttpStatus)).EqualTo(404));
    }

    private async Task<string?> ConnectionStatusAsync(string serviceId, string endpointId)
    {
        using var cloud = await _env.CloudAsync();
        return (await cloud.ListConnectionsAsync(serviceId, endpointId, CancellationToken.None)).Single().Status;
    }

    private static PropertyMap Approval(string serviceId, params string[] endpointIds) => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["serviceId"] = serviceId,
        ["endpointIds"] = ServiceInputs.Strings(endpointIds),
    });

    private static Otc.ProviderHost.Protocol.InvokeRequest ConnectionsRequest(string serviceId, string status) => new()
    {
        Tok = "otc:vpcep:getVpcEndpointServiceConnections",
        Args = PropertyCodec.Encode(PropertyMap.From(new Dictionary<string, PropertyValue> { ["serviceId"] = serviceId, ["status"] = status })),
    };
}
