using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;
using WirePort = Otc.CloudClient.PortMapping;

namespace Otc.Provider.Tests.Unit;

/// <summary>Records ↔ wire models, and the promise that Read's inputs pass through Check and Diff unchanged.</summary>
public sealed class MapperTests
{
    private const string Region = "eu-de";

    private static readonly HostedResource Resource = SchemaRules.Hosted(new VpcEndpointServiceHandler(new OtcClientProvider()));

    private static EndpointService CloudService() => new()
    {
        Id = "3bd5ef0c-0000-4c8e-8e9a-000000000001",
        PortId = "port-1",
        PoolId = "pool-1",
        ServiceName = "eu-de.svc.3bd5ef0c-0000-4c8e-8e9a-000000000001",
        ServiceType = "interface",
        ServerType = "LB",
        VpcId = "vpc-1",
        ApprovalEnabled = true,
        Status = "available",
        CreatedAt = "2026-01-01T00:00:00Z",
        UpdatedAt = "2026-01-02T00:00:00Z",
        ProjectId = "project-1",
        Ports =
        [
            new WirePort { ClientPort = 443, ServerPort = 8443, Protocol = "TCP" },
            new WirePort { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" },
        ],
        TcpProxy = "close",
        Tags = [new ResourceTag { Key = "team", Value = "net" }, new ResourceTag { Key = "env", Value = "test" }],
        Description = "a service",
    };

    private static CheckResult Check(PropertyMap inputs) => Resource.CheckAsync(new CheckRequest
    {
        Urn = "urn:x",
        Name = "svc",
        Type = VpcEndpointServiceHandler.TypeToken,
        Log = new SilentLog(),
        OldInputs = inputs,
        NewInputs = inputs,
    }, CancellationToken.None).GetAwaiter().GetResult();

    private static DiffResult Diff(PropertyMap oldInputs, PropertyMap newInputs) => Resource.Diff(new DiffRequest
    {
        Urn = "urn:x",
        Name = "svc",
        Type = VpcEndpointServiceHandler.TypeToken,
        Log = new SilentLog(),
        Id = "id",
        OldState = oldInputs,
        OldInputs = oldInputs,
        NewInputs = newInputs,
    });

    [Test]
    public void The_create_request_carries_canonical_values_defaults_and_tags()
    {
        var args = SchemaRules.ServiceInputs(Props.MinimalInputs()
            .With("serverType", "lb")
            .With("tcpProxy", "TOA_open")
            .With("ports", Props.List(Props.Port(80, 8080, "tcp")))
            .With("tags", Props.Object(("env", "test"))));

        var request = ServiceMapper.ToCreateRequest(args);

        Assert.That(request.ServerType, Is.EqualTo("LB"));
        Assert.That(request.TcpProxy, Is.EqualTo("toa_open"));
        Assert.That(request.ApprovalEnabled, Is.True);
        Assert.That(request.ServiceType, Is.EqualTo("interface"));
        Assert.That(request.Ports.Select(p => (p.ClientPort, p.ServerPort, p.Protocol)), Is.EqualTo(new[] { (80, 8080, "TCP") }));
        Assert.That(request.Tags!.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("env", "test") }));
        Assert.That(request.Description, Is.Null);
    }

    [Test]
    public void State_uses_the_short_name_bare_permissions_and_the_full_name_separately()
    {
        var state = ServiceMapper.ToState(CloudService(), ["iam:domain::d1", "*"], preferred: null, Region);

        var properties = state.ToProperties();
        Assert.That(properties["serviceName"], Is.EqualTo(PropertyValue.From("svc")));
        Assert.That(properties["fullServiceName"], Is.EqualTo(PropertyValue.From("eu-de.svc.3bd5ef0c-0000-4c8e-8e9a-000000000001")));
        Assert.That(properties["permissions"], Is.EqualTo(Props.Strings("d1", "*")));
        Assert.That(properties["status"], Is.EqualTo(PropertyValue.From("available")));
        Assert.That(properties["tags"], Is.EqualTo(Props.Object(("env", "test"), ("team", "net"))));
    }

    [TestCase("svc", "svc", "eu-de.svc.3bd5ef0c-0000-4c8e-8e9a-000000000001", TestName = "The bare name, as the documented examples answer it")]
    [TestCase("", null, "eu-de.3bd5ef0c-0000-4c8e-8e9a-000000000001", TestName = "An unnamed service answered in the bare form")]
    [TestCase("eu-de.3bd5ef0c-0000-4c8e-8e9a-000000000001", null, "eu-de.3bd5ef0c-0000-4c8e-8e9a-000000000001", TestName = "An unnamed service answered in the full form")]
    [TestCase("eu-nl.svc.3bd5ef0c-0000-4c8e-8e9a-000000000001", "svc", "eu-nl.svc.3bd5ef0c-0000-4c8e-8e9a-000000000001", TestName = "A full name is kept as the cloud answered it")]
    public void State_has_the_short_and_the_full_name_whichever_form_the_cloud_answers(string answered, string? shortName, string fullName)
    {
        var service = CloudService();
        service.ServiceName = answered;

        var state = ServiceMapper.ToState(service, [], preferred: null, Region);

        Assert.That(state.Settings.ServiceName.ValueOrDefault, Is.EqualTo(shortName));
        Assert.That(state.FullServiceName.ValueOrDefault, Is.EqualTo(fullName));
    }

    [Test]
    public void Refresh_leaves_out_a_pool_the_cloud_chose_for_a_program_that_named_none()
    {
        var checkedInputs = Check(Props.MinimalInputs()).Inputs;
        var oldInputs = SchemaRules.ServiceInputs(checkedInputs);
        var live = CloudService();
        live.Tags = [];
        live.Description = "";
        live.ServiceName = "eu-de.3bd5ef0c-0000-4c8e-8e9a-000000000001";
        live.Ports = [new WirePort { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }];
        var state = ServiceMapper.ToState(live, [], oldInputs, Region);

        var refreshed = ServiceMapper.ToInputs(state, oldInputs).ToProperties();

        Assert.That(state.ToProperties()["poolId"], Is.EqualTo(PropertyValue.From("pool-1")), "the state keeps the cloud's pool");
        Assert.That(refreshed, Is.EqualTo(checkedInputs));
    }

    [Test]
    public void Refresh_keeps_a_pool_the_program_named()
    {
        var oldInputs = SchemaRules.ServiceInputs(Props.FullInputs());
        var state = ServiceMapper.ToState(CloudService(), ["iam:domain::d1", "iam:domain::d2"], oldInputs, Region);

        Assert.That(ServiceMapper.ToInputs(state, oldInputs).PoolId.ValueOrDefault, Is.EqualTo("pool-1"));
    }

    [Test]
    public void State_keeps_the_users_port_order_when_the_set_is_equal()
    {
        var preferred = SchemaRules.ServiceInputs(Props.FullInputs());

        var state = ServiceMapper.ToState(CloudService(), [], preferred, Region);

        Assert.That(state.ToProperties()["ports"], Is.EqualTo(Props.List(Props.Port(80, 8080), Props.Port(443, 8443))));
    }

    [Test]
    public void Refreshed_inputs_keep_the_users_spelling_and_show_no_diff()
    {
        var written = Props.FullInputs()
            .With("serverType", "lb")
            .With("permissions", Props.Strings("d2", "d1"))
            .With("ports", Props.List(Props.Port(80, 8080, "tcp"), Props.Port(443, 8443, "tcp")));
        var oldInputs = SchemaRules.ServiceInputs(written);
        var state = ServiceMapper.ToState(CloudService(), ["iam:domain::d1", "iam:domain::d2"], oldInputs, Region);

        var inputs = ServiceMapper.ToInputs(state, oldInputs).ToProperties();

        Assert.That(inputs, Is.EqualTo(written));
        Assert.That(Diff(inputs, written).HasChanges, Is.False);
    }

    [Test]
    public void Drift_shows_as_an_in_place_update_after_refresh()
    {
        var oldInputs = SchemaRules.ServiceInputs(Props.FullInputs());
        var drifted = CloudService();
        drifted.Description = "edited in the console";
        var state = ServiceMapper.ToState(drifted, ["iam:domain::d1", "iam:domain::d2"], oldInputs, Region);

        var refreshed = ServiceMapper.ToInputs(state, oldInputs).ToProperties();
        var result = Diff(refreshed, Props.FullInputs());

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["description"] = PropertyDiffKind.Update }));
    }

    [Test]
    public void Imported_inputs_pass_check_unchanged_and_diff_to_nothing()
    {
        var state = ServiceMapper.ToState(CloudService(), ["iam:domain::d1"], preferred: null, Region);

        var imported = ServiceMapper.ToInputs(state, oldInputs: null).ToProperties();
        var checkedInputs = Check(imported);

        Assert.That(checkedInputs.Failures, Is.Empty);
        Assert.That(checkedInputs.Inputs, Is.EqualTo(imported));
        Assert.That(Diff(imported, checkedInputs.Inputs).HasChanges, Is.False);
    }

    [Test]
    public void Import_of_a_bare_service_has_only_the_values_check_would_produce()
    {
        var bare = CloudService();
        bare.Tags = [];
        bare.Description = "";
        bare.PoolId = null;
        bare.ServiceName = "eu-de.3bd5ef0c-0000-4c8e-8e9a-000000000001";

        var imported = ServiceMapper.ToInputs(ServiceMapper.ToState(bare, [], preferred: null, Region), oldInputs: null).ToProperties();

        Assert.That(imported.Keys, Is.EquivalentTo(new[]
        {
            "portId", "vpcId", "serverType", "serviceType", "approvalEnabled", "ports", "tcpProxy",
        }));
        Assert.That(Check(imported).Inputs, Is.EqualTo(imported));
    }

    [Test]
    public void Refresh_keeps_empty_collections_the_user_wrote()
    {
        var written = Props.MinimalInputs().With("tags", Props.Object()).With("permissions", Props.List()).With("description", "");
        var checkedInputs = Check(written).Inputs;
        var bare = CloudService();
        bare.Tags = [];
        bare.Description = null;
        bare.PoolId = null;
        bare.ServiceName = "eu-de.3bd5ef0c-0000-4c8e-8e9a-000000000001";
        bare.Ports = [new WirePort { ClientPort = 80, ServerPort = 8080, Protocol = "TCP" }];
        var oldInputs = SchemaRules.ServiceInputs(checkedInputs);

        var refreshed = ServiceMapper.ToInputs(ServiceMapper.ToState(bare, [], oldInputs, Region), oldInputs).ToProperties();

        Assert.That(refreshed, Is.EqualTo(checkedInputs));
    }
}
