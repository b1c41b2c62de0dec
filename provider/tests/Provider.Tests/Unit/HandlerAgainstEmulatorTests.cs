using Newtonsoft.Json.Linq;
using Otc.CloudClient;
using Otc.Emulator;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

/// <summary>
/// The handler driven directly (no gRPC) against an in-process emulator over loopback HTTP, configured through the
/// real configuration class. Asserts both the handler's answers and the API calls the emulator journaled.
/// </summary>
[NonParallelizable]
public sealed class HandlerAgainstEmulatorTests
{
    private ConfiguredEmulator _setup = null!;
    private RunningEmulator _emulator = null!;
    private OtcClientProvider _clients = null!;
    private VpcEndpointServiceHandler _handler = null!;
    private HostedResource _resource = null!;
    private int _portCounter;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        _setup = await ConfiguredEmulator.StartAsync(new EmulatorOptions
        {
            CreateDelay = TimeSpan.FromMilliseconds(150),
            DeleteDelay = TimeSpan.FromMilliseconds(100),
        });
        (_emulator, _clients) = (_setup.Emulator, _setup.Clients);
        _handler = new VpcEndpointServiceHandler(_clients, ConfiguredEmulator.FastPolling);
        _resource = SchemaRules.Hosted(_handler);
    }

    [OneTimeTearDown]
    public async Task StopEmulator() => await _setup.DisposeAsync();

    [SetUp]
    public void ResetEmulator() => _setup.Reset();

    /// <summary>Each test gets its own backend port so services of different tests never clash (EndPoint.3044).</summary>
    private PropertyMap Inputs() => Props.FullInputs().With("portId", $"port-{Interlocked.Increment(ref _portCounter)}");

    private static VpcEndpointServiceInputs Args(PropertyMap inputs) => SchemaRules.ServiceInputs(inputs);

    private async Task<CreateResult<VpcEndpointServiceState>> CreateAsync(PropertyMap inputs) =>
        await _handler.CreateAsync(new CreateRequest<VpcEndpointServiceInputs>
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Inputs = Args(inputs),
        }, CancellationToken.None);

    private async Task<UpdateResult<VpcEndpointServiceState>> UpdateAsync(string id, VpcEndpointServiceState oldState, PropertyMap oldInputs, PropertyMap newInputs) =>
        await _handler.UpdateAsync(new UpdateRequest<VpcEndpointServiceInputs, VpcEndpointServiceState>
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Id = id,
            OldState = oldState,
            OldInputs = Args(oldInputs),
            NewInputs = Args(newInputs),
        }, CancellationToken.None);

    private async Task<ReadResult<VpcEndpointServiceInputs, VpcEndpointServiceState>> ReadAsync(string id, PropertyMap? oldInputs = null) =>
        await _handler.ReadAsync(new ReadRequest<VpcEndpointServiceInputs, VpcEndpointServiceState>
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Id = id,
            OldInputs = oldInputs is null ? default : Args(oldInputs),
        }, CancellationToken.None);

    private async Task DeleteAsync(string id, VpcEndpointServiceState state) =>
        await _handler.DeleteAsync(new DeleteRequest<VpcEndpointServiceState>
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Id = id,
            OldState = state,
        }, CancellationToken.None);

    private List<JournalEntry> Mutations() =>
        [.. _emulator.Journal.Entries.Where(entry => entry.Method != "GET")];

    [Test]
    public async Task Create_posts_once_with_tags_waits_and_adds_the_whitelist_in_one_batch()
    {
        var inputs = Inputs();

        var created = await CreateAsync(inputs);

        var mutations = Mutations();
        Assert.That(mutations.Select(m => (m.Method, m.Path.EndsWith("/permissions/action", StringComparison.Ordinal))),
            Is.EqualTo(new[] { ("POST", false), ("POST", true) }));
        var posted = JObject.Parse(mutations[0].Body);
        Assert.That(posted["tags"]!.Select(t => (string?)t["key"]), Is.EquivalentTo(new[] { "env", "team" }));
        Assert.That((string?)posted["server_type"], Is.EqualTo("LB"));
        Assert.That(JObject.Parse(mutations[1].Body)["permissions"]!.Select(p => (string?)p), Is.EquivalentTo(new[] { "iam:domain::d1", "iam:domain::d2" }));

        var state = created.State.ToProperties();
        Assert.That(state["status"], Is.EqualTo(PropertyValue.From("available")));
        Assert.That(state["serviceName"], Is.EqualTo(PropertyValue.From("svc")));
        Assert.That(state["fullServiceName"], Is.EqualTo(PropertyValue.From($"eu-de.svc.{created.Id}")));
        Assert.That(state["permissions"], Is.EqualTo(Props.Strings("d1", "d2")));
    }

    [Test]
    public async Task Read_after_create_returns_the_checked_inputs_and_the_same_state()
    {
        var inputs = Inputs();
        var created = await CreateAsync(inputs);

        var read = await ReadAsync(created.Id, inputs);

        Assert.That(read.Exists, Is.True);
        Assert.That(read.Inputs!.ToProperties(), Is.EqualTo(inputs));
        Assert.That(read.State!.ToProperties(), Is.EqualTo(created.State.ToProperties()));
    }

    [Test]
    public async Task Import_by_id_yields_inputs_that_check_and_diff_to_nothing()
    {
        var created = await CreateAsync(Inputs());

        var imported = (await ReadAsync(created.Id)).Inputs!.ToProperties();

        var check = await _resource.CheckAsync(new CheckRequest
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            OldInputs = imported,
            NewInputs = imported,
        }, CancellationToken.None);
        var diff = _resource.Diff(new DiffRequest
        {
            Urn = "urn:x",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Id = created.Id,
            OldState = created.State.ToProperties(),
            OldInputs = imported,
            NewInputs = check.Inputs,
        });
        Assert.That(check.Failures, Is.Empty);
        Assert.That(diff.HasChanges, Is.False);
    }

    [Test]
    public async Task Tags_and_permissions_only_update_sends_no_PUT()
    {
        var inputs = Inputs();
        var created = await CreateAsync(inputs);
        _emulator.Journal.Clear();
        var desired = inputs.With("tags", Props.Object(("env", "prod"))).With("permissions", Props.Strings("d2", "d3"));

        var updated = await UpdateAsync(created.Id, created.State, inputs, desired);

        var mutations = Mutations();
        Assert.That(mutations.Select(m => m.Method), Has.None.EqualTo("PUT"));
        Assert.That(mutations.Select(m => JObject.Parse(m.Body)["action"]!.ToString()), Is.EqualTo(new[] { "delete", "create", "remove", "add" }));
        var state = updated.State.ToProperties();
        Assert.That(state["tags"], Is.EqualTo(Props.Object(("env", "prod"))));
        Assert.That(state["permissions"], Is.EqualTo(Props.Strings("d2", "d3")));
        Assert.That((await ReadAsync(created.Id, desired)).Inputs!.ToProperties(), Is.EqualTo(desired));
    }

    [Test]
    public async Task An_update_sends_exactly_one_PUT_with_the_changed_fields_and_the_documented_defaults()
    {
        var inputs = Inputs();
        var created = await CreateAsync(inputs);
        _emulator.Journal.Clear();
        var desired = inputs
            .With("description", "changed")
            .With("tcpProxy", "CLOSE")
            .With("ports", Props.List(Props.Port(443, 8443, "tcp"), Props.Port(80, 8080)));

        var updated = await UpdateAsync(created.Id, created.State, inputs, desired);

        var puts = Mutations().Where(m => m.Method == "PUT").ToList();
        Assert.That(puts, Has.Count.EqualTo(1));
        Assert.That(JObject.Parse(puts[0].Body).Properties().Select(p => p.Name), Is.EqualTo(new[] { "approval_enabled", "tcp_proxy", "description" }));
        Assert.That(updated.State.ToProperties()["description"], Is.EqualTo(PropertyValue.From("changed")));
    }

    [Test]
    public async Task A_create_that_ends_failed_returns_the_id_and_the_cloud_error()
    {
        _emulator.Settings.FailCreates = true;

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() => CreateAsync(Inputs()));

        Assert.That(error!.Id, Is.Not.Empty);
        Assert.That(error.State["status"], Is.EqualTo(PropertyValue.From("failed")));
        Assert.That(error.Reasons.Single(), Does.Contain(error.Id));
        var live = await _clients.Client.GetServiceAsync(error.Id, CancellationToken.None);
        Assert.That(error.Reasons.Single(), Does.Contain(live.Errors[0].ErrorCode!));
    }

    [Test]
    public async Task A_whitelist_failure_after_create_keeps_the_id_with_the_live_state()
    {
        _emulator.Faults.Add(new FaultRule { Method = "POST", Path = "permissions/action$", Status = 400, ErrorCode = "EndPoint.3002", ErrorMsg = "invalid permission" });

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() => CreateAsync(Inputs()));

        Assert.That(error!.Reasons.Single(), Does.Contain("EndPoint.3002"));
        Assert.That(error.State["status"], Is.EqualTo(PropertyValue.From("available")));
        Assert.That(error.State["permissions"], Is.EqualTo(Props.List()), "the live whitelist, not the desired one");
        var live = await _clients.Client.GetServiceAsync(error.Id, CancellationToken.None);
        Assert.That(live.Id, Is.EqualTo(error.Id));
    }

    [Test]
    public async Task A_half_applied_update_reports_the_live_state()
    {
        var inputs = Inputs();
        var created = await CreateAsync(inputs);
        _emulator.Faults.Add(new FaultRule { Method = "POST", Path = "tags/action$", Status = 400, ErrorCode = "EndPoint.3068", ErrorMsg = "bad tag" });
        var desired = inputs.With("description", "changed").With("tags", Props.Object(("env", "prod")));

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() => UpdateAsync(created.Id, created.State, inputs, desired));

        Assert.That(error!.Id, Is.EqualTo(created.Id));
        Assert.That(error.State["description"], Is.EqualTo(PropertyValue.From("changed")), "the PUT was applied");
        Assert.That(error.State["tags"], Is.EqualTo(Props.Object(("env", "test"), ("team", "net"))), "the tags were not");
        Assert.That(error.RefreshBeforeUpdate, Is.True);
    }

    [Test]
    public async Task Read_reports_not_found_only_for_a_definite_404()
    {
        var created = await CreateAsync(Inputs());
        _emulator.Faults.Add(new FaultRule { Method = "GET", Path = created.Id, Status = 503, ErrorCode = "EndPoint.0001", ErrorMsg = "busy" });

        Assert.ThrowsAsync<OtcApiException>(() => ReadAsync(created.Id));

        _emulator.Faults.Clear();
        await DeleteAsync(created.Id, created.State);
        Assert.That((await ReadAsync(created.Id)).Exists, Is.False);
    }

    [Test]
    public async Task Delete_waits_until_gone_and_a_second_delete_succeeds()
    {
        var created = await CreateAsync(Inputs());

        await DeleteAsync(created.Id, created.State);

        var gone = Assert.ThrowsAsync<OtcApiException>(() => _clients.Client.GetServiceAsync(created.Id, CancellationToken.None));
        Assert.That(gone!.IsNotFound, Is.True);
        Assert.DoesNotThrowAsync(() => DeleteAsync(created.Id, created.State));
    }

    [Test]
    public async Task Deleting_a_service_in_use_names_the_endpoints()
    {
        var inputs = Inputs().With("approvalEnabled", false);
        var created = await CreateAsync(inputs);
        var endpoint = await _clients.Client.CreateEndpointAsync(
            new CreateEndpointRequest { EndpointServiceId = created.Id, VpcId = "vpc-consumer", SubnetId = "subnet-consumer" }, CancellationToken.None);

        var error = Assert.ThrowsAsync<ProviderException>(() => DeleteAsync(created.Id, created.State));

        Assert.That(error!.Kind, Is.EqualTo(ProviderErrorKind.FailedPrecondition));
        Assert.That(error.Message, Does.Contain(endpoint.Id).And.Contain("EndPoint.3006"));
        await _clients.Client.DeleteEndpointAsync(endpoint.Id, CancellationToken.None);
    }

    [Test]
    public async Task A_replacement_on_the_same_backend_port_is_refused_by_the_cloud_which_is_why_diff_deletes_first()
    {
        var inputs = Inputs();
        await CreateAsync(inputs);
        var replacement = inputs.With("vpcId", "vpc-2");

        var error = Assert.ThrowsAsync<OtcApiException>(() => CreateAsync(replacement));

        Assert.That(error!.ErrorCode, Is.EqualTo("EndPoint.3044"));
        Assert.That(ServiceDiff.ReplacementWouldCollide(Args(inputs).NormalisedForDiff(), Args(replacement).NormalisedForDiff()), Is.True);
    }
}
