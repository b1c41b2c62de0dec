using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>Every endpoint-service operation round-trips through real HTTP against the emulator.</summary>
public sealed class ServiceOperationsTests : EmulatedTestBase
{
    private IVpcepClient _client = null!;

    [OneTimeSetUp]
    public async Task ConnectOnceAsync() => _client = await ConnectAsync(AkSkOptions());

    [OneTimeTearDown]
    public void DisconnectOnce() => _client.Dispose();

    [Test]
    public async Task Create_returns_the_service_in_creating_with_the_full_name_and_it_becomes_available()
    {
        var request = Samples.Service("web");

        var created = await _client.CreateServiceAsync(request, CancellationToken.None);
        var available = await ServiceWaiter.WaitForAvailableAsync(_client, created.Id, TimeSpan.FromSeconds(20), null, CancellationToken.None, Samples.FastPolling);

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo("creating"));
            Assert.That(created.ServiceName, Is.EqualTo($"eu-de.web.{created.Id}"));
            Assert.That(created.PortId, Is.EqualTo(request.PortId));
            Assert.That(created.VpcId, Is.EqualTo(request.VpcId));
            Assert.That(created.Ports.Select(p => (p.ClientPort, p.ServerPort, p.Protocol)), Is.EqualTo(new[] { (80, 8080, "TCP") }));
            Assert.That(created.Tags.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("owner", "tests") }));
            Assert.That(created.ApprovalEnabled, Is.False);
            Assert.That(created.TcpProxy, Is.EqualTo("close"), "cloud default applied because null fields are not sent");
            Assert.That(available.Status, Is.EqualTo("available"));
            Assert.That(available.ProjectId, Is.EqualTo(EmulatorAccounts.DefaultProjectId));
        });
    }

    [Test]
    public async Task Get_reads_back_what_was_created()
    {
        var created = await _client.CreateServiceAsync(Samples.Service("reader"), CancellationToken.None);

        var read = await _client.GetServiceAsync(created.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read.Id, Is.EqualTo(created.Id));
            Assert.That(read.ServiceName, Is.EqualTo(created.ServiceName));
            Assert.That(read.Description, Is.EqualTo("created by CloudClient.Tests"));
            Assert.That(read.ServerType, Is.EqualTo("VM"));
            Assert.That(read.CreatedAt, Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task List_filters_by_name_and_reports_domain_and_connection_count()
    {
        var unique = "ls" + Guid.NewGuid().ToString("N")[..8];
        var first = await _client.CreateServiceAsync(Samples.Service(unique), CancellationToken.None);
        await _client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        var listed = await _client.ListServicesAsync(new ServiceListQuery { Name = unique }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(s => s.Id), Is.EqualTo(new[] { first.Id }));
            Assert.That(listed[0].DomainId, Is.EqualTo(EmulatorAccounts.DomainId));
            Assert.That(listed[0].ConnectionCount, Is.Zero);
        });
    }

    [Test]
    public async Task Update_sends_only_the_fields_set_and_replaces_ports_as_a_whole()
    {
        var service = await CreateAvailableServiceAsync(_client, Samples.Service("before"));
        Emulator.Journal.Clear();

        var updated = await _client.UpdateServiceAsync(service.Id, new UpdateServiceRequest
        {
            ServiceName = "after",
            ApprovalEnabled = true,
            Ports = [new PortMapping { ClientPort = 443, ServerPort = 8443, Protocol = "TCP" }, new PortMapping { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }],
        }, CancellationToken.None);

        var put = Requests("PUT", service.Id).Single();
        Assert.Multiple(() =>
        {
            Assert.That(updated.ServiceName, Is.EqualTo($"eu-de.after.{service.Id}"));
            Assert.That(updated.ApprovalEnabled, Is.True);
            Assert.That(updated.Ports, Has.Count.EqualTo(2));
            Assert.That(updated.Description, Is.EqualTo("created by CloudClient.Tests"), "unsent fields are untouched");
            Assert.That(put.Body, Does.Not.Contain("description").And.Not.Contain("port_id").And.Not.Contain("null"));
        });
    }

    [Test]
    public async Task Delete_moves_to_deleting_and_then_the_service_is_gone()
    {
        var service = await CreateAvailableServiceAsync(_client);
        var progress = new List<WaitProgress>();

        await _client.DeleteServiceAsync(service.Id, CancellationToken.None);
        await ServiceWaiter.WaitForDeletedAsync(_client, service.Id, TimeSpan.FromSeconds(20), new SynchronousProgress<WaitProgress>(progress.Add), CancellationToken.None, Samples.FastPolling);

        var error = await FailureOf<OtcApiException>(() => _client.GetServiceAsync(service.Id, CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(error.IsNotFound, Is.True);
            Assert.That(progress[^1].Status, Is.EqualTo(ServiceWaiter.DeletedStatus));
            Assert.That(Requests("DELETE", service.Id).Single().Status, Is.EqualTo(204));
        });
    }

    [Test]
    public async Task Describe_finds_a_service_by_full_name_and_by_id()
    {
        var service = await CreateAvailableServiceAsync(_client, Samples.Service("described"));

        var byName = await _client.DescribeServiceAsync(service.ServiceName, null, CancellationToken.None);
        var byId = await _client.DescribeServiceAsync(null, service.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(byName.Id, Is.EqualTo(service.Id));
            Assert.That(byId.ServiceName, Is.EqualTo(service.ServiceName));
            Assert.That(byId.ServiceType, Is.EqualTo("interface"));
        });
    }

    [Test]
    public void Describe_needs_exactly_one_key()
    {
        Assert.ThrowsAsync<ArgumentException>(() => _client.DescribeServiceAsync("a", "b", CancellationToken.None));
    }

    [Test]
    public async Task Public_services_are_listed_with_their_owner()
    {
        var services = await _client.ListPublicServicesAsync(null, CancellationToken.None);

        Assert.That(services, Has.Some.Matches<PublicService>(s => s.ServiceName == "com.t-systems.otc.eu-de.obs" && s.Owner == "OTC"));
    }

    [Test]
    public async Task Permissions_are_added_listed_and_removed()
    {
        var service = await CreateAvailableServiceAsync(_client);
        var domain = "iam:domain::" + EmulatorAccounts.ForeignDomainId;

        var afterAdd = await _client.UpdatePermissionsAsync(service.Id, PermissionAction.Add, [domain, "*"], CancellationToken.None);
        var listed = await _client.ListPermissionsAsync(service.Id, CancellationToken.None);
        var afterRemove = await _client.UpdatePermissionsAsync(service.Id, PermissionAction.Remove, ["*"], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(afterAdd, Is.SupersetOf(new[] { domain, "*" }));
            Assert.That(listed.Select(p => p.Permission), Is.SupersetOf(new[] { domain, "*" }));
            Assert.That(listed.All(p => !string.IsNullOrEmpty(p.Id)), Is.True);
            Assert.That(afterRemove, Does.Contain(domain).And.Not.Contain("*"));
        });
    }

    [Test]
    public async Task Tags_are_created_and_deleted_through_the_tag_action()
    {
        var service = await CreateAvailableServiceAsync(_client);

        await _client.UpdateTagsAsync(TaggedResourceType.EndpointService, service.Id, TagAction.Create, [new ResourceTag { Key = "env", Value = "dev" }], CancellationToken.None);
        var tagged = await _client.GetServiceAsync(service.Id, CancellationToken.None);
        await _client.UpdateTagsAsync(TaggedResourceType.EndpointService, service.Id, TagAction.Delete, [new ResourceTag { Key = "owner" }], CancellationToken.None);
        var untagged = await _client.GetServiceAsync(service.Id, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(tagged.Tags.Select(t => (t.Key, t.Value)), Is.EquivalentTo(new[] { ("owner", "tests"), ("env", "dev") }));
            Assert.That(untagged.Tags.Select(t => t.Key), Is.EquivalentTo(new[] { "env" }));
            Assert.That(Requests("POST", $"/endpoint_service/{service.Id}/tags/action").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Quotas_report_usage_per_type()
    {
        await _client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        var all = await _client.GetQuotasAsync(null, CancellationToken.None);
        var services = await _client.GetQuotasAsync("endpoint_service", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(q => q.Type), Is.SupersetOf(new[] { "endpoint_service", "endpoint" }));
            Assert.That(services.Single().Used, Is.GreaterThanOrEqualTo(1));
            Assert.That(services.Single().Quota, Is.EqualTo(2000));
        });
    }
}
