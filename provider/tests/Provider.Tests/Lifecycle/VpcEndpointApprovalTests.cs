using Grpc.Core;
using Otc.CloudClient;
using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// <c>otc:vpcep:VpcEndpointApproval</c> through the published binary: accepting (one <c>receive</c> per endpoint),
/// rejecting what leaves the list, deleting, drift from a connection rejected in the console, partial failure, import
/// and refresh safety, asserting the exact connection actions from the emulator's journal.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class VpcEndpointApprovalTests
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

    /// <summary>A service with approval on and <paramref name="count"/> endpoints waiting in pendingAcceptance.</summary>
    private async Task<Publisher> PublisherAsync(int count)
    {
        var services = _env.NewStack();
        var serviceId = (await services.UpAsync("svc", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        var endpoints = _env.NewStack(LifecycleEnvironment.EndpointType);
        var ids = new List<string>();
        for (var index = 0; index < count; index++)
        {
            ids.Add((await endpoints.UpAsync($"ep{index}", EndpointInputs.Interface(serviceId))).Id);
        }

        return new Publisher(services, serviceId, endpoints, ids, _env.NewStack(LifecycleEnvironment.ApprovalType));
    }

    private static PropertyMap Approval(string serviceId, params string[] endpointIds) => PropertyMap.From(new Dictionary<string, PropertyValue>
    {
        ["serviceId"] = serviceId,
        ["endpointIds"] = ServiceInputs.Strings(endpointIds),
    });

    private IReadOnlyList<string> ConnectionActions(string serviceId) =>
        [.. _env.Mutations().Where(call => call.Path == _env.ConnectionActionPath(serviceId)).Select(call =>
            $"{JournalBodies.Field(call.Body, "action").GetString()} {JournalBodies.Field(call.Body, "endpoints")[0].GetString()}")];

    private async Task<string?> StatusAsync(string serviceId, string endpointId)
    {
        using var cloud = await _env.CloudAsync();
        return (await cloud.ListConnectionsAsync(serviceId, endpointId, CancellationToken.None)).Single().Status;
    }

    [Test]
    public async Task Create_accepts_each_listed_endpoint_with_one_receive_call_and_reports_the_connections()
    {
        var publisher = await PublisherAsync(2);
        _env.Emulator.Journal.Clear();

        var created = await publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, publisher.EndpointIds[0]));

        Assert.That(created.Id, Is.EqualTo(publisher.ServiceId), "the approval's id is the service's");
        Assert.That(ConnectionActions(publisher.ServiceId), Is.EqualTo(new[] { $"receive {publisher.EndpointIds[0]}" }));
        Assert.That(await StatusAsync(publisher.ServiceId, publisher.EndpointIds[0]), Is.EqualTo("accepted"));
        Assert.That(await StatusAsync(publisher.ServiceId, publisher.EndpointIds[1]), Is.EqualTo("pendingAcceptance"), "an unlisted endpoint is left alone");
        Assert.That(created.Outputs!["endpointIds"].ValueEquals(ServiceInputs.Strings(publisher.EndpointIds[0])), Is.True);
        Assert.That(created.Outputs["connections"].TryGetArray(out var connections) && connections.Length == 2, Is.True, "every connection of the service");

        await publisher.DestroyAsync(_env);
    }

    [Test]
    public async Task Listing_another_endpoint_accepts_only_it_and_unlisting_one_rejects_only_it()
    {
        var publisher = await PublisherAsync(2);
        var (first, second) = (publisher.EndpointIds[0], publisher.EndpointIds[1]);
        await publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, first));
        _env.Emulator.Journal.Clear();

        var added = await publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, first, second));
        var addCalls = ConnectionActions(publisher.ServiceId);
        _env.Emulator.Journal.Clear();
        var removed = await publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, second));

        Assert.That(added.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(addCalls, Is.EqualTo(new[] { $"receive {second}" }));
        Assert.That(removed.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(ConnectionActions(publisher.ServiceId), Is.EqualTo(new[] { $"reject {first}" }));
        Assert.That(await StatusAsync(publisher.ServiceId, first), Is.EqualTo("rejected"));
        Assert.That(await StatusAsync(publisher.ServiceId, second), Is.EqualTo("accepted"));

        await publisher.DestroyAsync(_env);
    }

    [Test]
    public async Task Another_service_replaces_the_approval_accepting_the_new_list_and_rejecting_the_old()
    {
        var first = await PublisherAsync(1);
        var services = _env.NewStack();
        var secondId = (await services.UpAsync("svc2", ServiceInputs.Base(ServiceInputs.NewPortId()))).Id;
        var secondEndpoint = (await first.Endpoints.UpAsync("ep-second", EndpointInputs.Interface(secondId))).Id;
        await first.Approvals.UpAsync("approval", Approval(first.ServiceId, first.EndpointIds[0]));
        _env.Emulator.Journal.Clear();

        var step = await first.Approvals.UpAsync("approval", Approval(secondId, secondEndpoint));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Replace));
        Assert.That(step.Diff!.Replaces, Is.EqualTo(new[] { "serviceId" }));
        Assert.That(step.Id, Is.EqualTo(secondId));
        Assert.That(ConnectionActions(secondId), Is.EqualTo(new[] { $"receive {secondEndpoint}" }), "the new approval accepts its endpoint");
        Assert.That(ConnectionActions(first.ServiceId), Is.EqualTo(new[] { $"reject {first.EndpointIds[0]}" }), "then the old one rejects its own");

        await first.Approvals.DestroyAsync("approval");
        await first.Endpoints.DestroyAsync("ep-second");
        await services.DestroyAsync("svc2");
        await first.DestroyAsync(_env, approvalGone: true);
    }

    [Test]
    public async Task Deleting_the_approval_rejects_every_listed_endpoint()
    {
        var publisher = await PublisherAsync(2);
        await publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, [.. publisher.EndpointIds]));
        _env.Emulator.Journal.Clear();

        await publisher.Approvals.DestroyAsync("approval");

        Assert.That(ConnectionActions(publisher.ServiceId), Is.EquivalentTo(publisher.EndpointIds.Select(id => $"reject {id}")));
        await publisher.DestroyAsync(_env, approvalGone: true);
    }

    [Test]
    public async Task A_connection_rejected_behind_the_providers_back_is_drift_that_the_next_up_repairs()
    {
        var publisher = await PublisherAsync(1);
        var endpoint = publisher.EndpointIds[0];
        var program = Approval(publisher.ServiceId, endpoint);
        await publisher.Approvals.UpAsync("approval", program);
        using (var cloud = await _env.CloudAsync())
        {
            await cloud.ActOnConnectionAsync(publisher.ServiceId, ConnectionAction.Reject, endpoint, CancellationToken.None);
        }

        var refresh = await publisher.Approvals.RefreshAsync("approval");
        _env.Emulator.Journal.Clear();
        var repaired = await publisher.Approvals.UpAsync("approval", program);

        Assert.That(refresh.HasDrift, Is.True);
        Assert.That(refresh.DriftedKeys, Is.EqualTo(new[] { "endpointIds" }));
        Assert.That(refresh.InputsAfter["endpointIds"].ValueEquals(ServiceInputs.Strings()), Is.True, "the rejected endpoint dropped out");
        Assert.That(repaired.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(ConnectionActions(publisher.ServiceId), Is.EqualTo(new[] { $"receive {endpoint}" }));
        Assert.That(await StatusAsync(publisher.ServiceId, endpoint), Is.EqualTo("accepted"));

        await publisher.DestroyAsync(_env);
    }

    [Test]
    public async Task An_accept_that_fails_after_another_succeeded_keeps_the_approval_with_what_was_accepted()
    {
        var publisher = await PublisherAsync(2);
        var (first, second) = (publisher.EndpointIds[0], publisher.EndpointIds[1]);
        // The first receive goes through; the second is refused.
        _env.Emulator.Faults.Add(new FaultRule { Method = "POST", Path = "connections/action$", LatencyMs = 0, Times = 1 });
        _env.Emulator.Faults.Add(new FaultRule { Method = "POST", Path = "connections/action$", Status = 400, ErrorCode = "EndPoint.2014", ErrorMsg = "refused by test", Times = 1 });
        ResourceOperationException? failure;
        try
        {
            failure = Assert.ThrowsAsync<ResourceOperationException>(() => publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, first, second)));
        }
        finally
        {
            _env.Emulator.Faults.Clear();
        }

        var recorded = publisher.Approvals.Get("approval");
        Assert.That(failure!.InitFailed, Is.Not.Null, "a partial failure hands the engine the approval");
        Assert.That(failure.StatusDetail, Does.Contain("EndPoint.2014"));
        Assert.That(recorded.Id, Is.EqualTo(publisher.ServiceId));
        Assert.That(recorded.Outputs["endpointIds"].ValueEquals(ServiceInputs.Strings(first)), Is.True, "the state holds what the cloud accepted");

        _env.Emulator.Journal.Clear();
        var retried = await publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, first, second));
        Assert.That(retried.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(ConnectionActions(publisher.ServiceId), Is.EqualTo(new[] { $"receive {second}" }), "the retry accepts only what is missing");

        await publisher.DestroyAsync(_env);
    }

    [Test]
    public async Task An_endpoint_of_another_service_fails_cleanly_naming_it()
    {
        var publisher = await PublisherAsync(0);
        _env.Emulator.Journal.Clear();

        var failure = Assert.ThrowsAsync<ResourceOperationException>(() => publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, "no-such-endpoint")));

        Assert.That(failure!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.StatusDetail, Does.Contain("no-such-endpoint").And.Contain("endpointIds"));
        Assert.That(failure.InitFailed, Is.Null);
        Assert.That(ConnectionActions(publisher.ServiceId), Is.Empty);
        await publisher.DestroyAsync(_env, approvalGone: true);
    }

    [Test]
    public async Task Import_by_service_id_lists_the_accepted_endpoints_and_previews_as_a_no_op()
    {
        var publisher = await PublisherAsync(2);
        using (var cloud = await _env.CloudAsync())
        {
            await cloud.ActOnConnectionAsync(publisher.ServiceId, ConnectionAction.Receive, publisher.EndpointIds[1], CancellationToken.None);
        }

        var (imported, warnings) = await publisher.Approvals.ImportAsync("approval", publisher.ServiceId);
        _env.Emulator.Journal.Clear();
        var plan = await publisher.Approvals.PreviewAsync("approval", Approval(publisher.ServiceId, publisher.EndpointIds[1]));

        Assert.That(warnings, Is.Empty);
        Assert.That(imported.Inputs["endpointIds"].ValueEquals(ServiceInputs.Strings(publisher.EndpointIds[1])), Is.True);
        Assert.That(plan.Kind, Is.EqualTo(StepKind.Same));
        Assert.That(plan.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone));
        Assert.That(_env.Calls(), Is.Empty);

        await publisher.DestroyAsync(_env);
    }

    [Test]
    public async Task Refresh_after_a_server_error_keeps_the_approval_and_after_the_service_is_gone_drops_it()
    {
        var publisher = await PublisherAsync(1);
        await publisher.Approvals.UpAsync("approval", Approval(publisher.ServiceId, publisher.EndpointIds[0]));

        _env.Emulator.Faults.Add(new FaultRule { Method = "GET", Path = "connections$", Status = 500, ErrorCode = "EndPoint.0001", ErrorMsg = "busy" });
        var serverError = Assert.ThrowsAsync<ResourceOperationException>(() => publisher.Approvals.RefreshAsync("approval"));
        _env.Emulator.Faults.Clear();
        Assert.That(serverError!.StatusDetail, Does.Contain("EndPoint.0001"));
        Assert.That(publisher.Approvals.Find("approval"), Is.Not.Null);

        // The consumer's endpoint goes first, then the service; the approval then has nothing left to read.
        await publisher.Endpoints.DestroyAsync("ep0");
        await publisher.Services.DestroyAsync("svc");
        var gone = await publisher.Approvals.RefreshAsync("approval");

        Assert.That(gone.Gone, Is.True);
    }

    private sealed record Publisher(ResourcesOfType Services, string ServiceId, ResourcesOfType Endpoints, IReadOnlyList<string> EndpointIds, ResourcesOfType Approvals)
    {
        /// <summary>Destroys in dependency order: approval, endpoints, service.</summary>
        public async Task DestroyAsync(LifecycleEnvironment env, bool approvalGone = false)
        {
            if (!approvalGone && Approvals.Find("approval") is not null)
            {
                await Approvals.DestroyAsync("approval");
            }

            foreach (var name in Endpoints.Resources.Keys.ToList())
            {
                await Endpoints.DestroyAsync(name);
            }

            await Services.DestroyAsync("svc");
            _ = env;
        }
    }
}
