using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

public sealed class DiffTests
{
    private static readonly HostedResource Resource = SchemaRules.Hosted(new VpcEndpointServiceHandler(new OtcClientProvider()));

    private static DiffResult Diff(PropertyMap oldInputs, PropertyMap newInputs, PropertyMap? oldState = null) =>
        Resource.Diff(new DiffRequest
        {
            Urn = "urn:pulumi:dev::proj::otc:vpcep:VpcEndpointService::svc",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Id = "service-1",
            OldState = oldState ?? oldInputs,
            OldInputs = oldInputs,
            NewInputs = newInputs,
        });

    private static PropertyMap Changed(string key, PropertyValue value) => Props.FullInputs().With(key, value);

    [Test]
    public void The_schema_marks_exactly_the_four_replace_properties() =>
        Assert.That(SchemaRules.Differ().ReplaceOnChanges, Is.EquivalentTo(new[] { "vpcId", "serverType", "serviceType", "poolId" }));

    [TestCase("portId", "port-2", PropertyDiffKind.Update)]
    [TestCase("vpcId", "vpc-2", PropertyDiffKind.UpdateReplace)]
    [TestCase("serverType", "VM", PropertyDiffKind.UpdateReplace)]
    [TestCase("serviceType", "gateway", PropertyDiffKind.UpdateReplace)]
    [TestCase("poolId", "pool-2", PropertyDiffKind.UpdateReplace)]
    [TestCase("serviceName", "other", PropertyDiffKind.Update)]
    [TestCase("tcpProxy", "proxy_open", PropertyDiffKind.Update)]
    [TestCase("description", "changed", PropertyDiffKind.Update)]
    public void Each_scalar_change_has_its_kind(string key, string newValue, PropertyDiffKind kind)
    {
        var result = Diff(Props.FullInputs(), Changed(key, newValue));

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind> { [key] = kind }));
        Assert.That(result.RequiresReplace, Is.EqualTo(kind == PropertyDiffKind.UpdateReplace));
    }

    [Test]
    public void A_pool_the_cloud_chose_is_no_change_for_a_program_that_names_none()
    {
        var program = Props.FullInputs().Without("poolId");
        var imported = Props.FullInputs().With("poolId", "cloud-pool");

        Assert.Multiple(() =>
        {
            Assert.That(Diff(imported, program).HasChanges, Is.False, "import, then the program");
            Assert.That(Diff(program, imported, oldState: imported).HasChanges, Is.False, "the engine's swapped refresh diff");
            Assert.That(Diff(program, program, oldState: imported).HasChanges, Is.False, "refresh, then up");
            Assert.That(Diff(program, program.With("poolId", "cloud-pool"), oldState: imported).HasChanges, Is.False,
                "the program names the pool the cloud chose");
        });
    }

    [Test]
    public void A_pool_named_in_the_program_that_differs_from_the_clouds_replaces()
    {
        var program = Props.FullInputs().Without("poolId");
        var state = Props.FullInputs().With("poolId", "cloud-pool");

        var result = Diff(program, program.With("poolId", "pool-2"), oldState: state);

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["poolId"] = PropertyDiffKind.UpdateReplace }));
    }

    [Test]
    public void Approval_change_is_an_update() =>
        Assert.That(Diff(Props.FullInputs(), Changed("approvalEnabled", false)).DetailedDiff,
            Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["approvalEnabled"] = PropertyDiffKind.Update }));

    [Test]
    public void A_different_port_set_is_an_update()
    {
        var result = Diff(Props.FullInputs(), Changed("ports", Props.List(Props.Port(80, 8080), Props.Port(443, 9443))));

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["ports"] = PropertyDiffKind.Update }));
        Assert.That(result.RequiresReplace, Is.False);
    }

    [Test]
    public void A_changed_permission_set_is_an_update() =>
        Assert.That(Diff(Props.FullInputs(), Changed("permissions", Props.Strings("d1", "d3"))).DetailedDiff,
            Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["permissions"] = PropertyDiffKind.Update }));

    [Test]
    public void Tag_changes_are_reported_per_key_in_place()
    {
        var result = Diff(Props.FullInputs(), Changed("tags", Props.Object(("env", "prod"), ("owner", "me"))));

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind>
        {
            ["tags.env"] = PropertyDiffKind.Update,
            ["tags.owner"] = PropertyDiffKind.Add,
            ["tags.team"] = PropertyDiffKind.Delete,
        }));
        Assert.That(result.RequiresReplace, Is.False);
    }

    [Test]
    public void Adding_a_name_is_in_place_but_removing_it_replaces()
    {
        var unnamed = Props.FullInputs().Without("serviceName");

        Assert.That(Diff(unnamed, Props.FullInputs()).DetailedDiff["serviceName"], Is.EqualTo(PropertyDiffKind.Add));
        Assert.That(Diff(Props.FullInputs(), unnamed).DetailedDiff["serviceName"], Is.EqualTo(PropertyDiffKind.DeleteReplace));
    }

    [Test]
    public void Naming_a_pool_the_service_does_not_have_replaces_but_leaving_the_pool_out_does_not()
    {
        var withoutPool = Props.FullInputs().Without("poolId");

        Assert.That(Diff(withoutPool, Props.FullInputs()).DetailedDiff["poolId"], Is.EqualTo(PropertyDiffKind.AddReplace));
        Assert.That(Diff(Props.FullInputs(), withoutPool).HasChanges, Is.False, "left out: the cloud's pool stands");
    }

    [Test]
    public void Reordered_ports_are_no_change()
    {
        var reordered = Changed("ports", Props.List(Props.Port(443, 8443), Props.Port(80, 8080)));

        Assert.That(Diff(Props.FullInputs(), reordered).HasChanges, Is.False);
    }

    [Test]
    public void Enum_case_is_no_change()
    {
        var recased = Props.FullInputs()
            .With("serverType", "lb")
            .With("tcpProxy", "CLOSE")
            .With("serviceType", "Interface")
            .With("ports", Props.List(Props.Port(80, 8080, "tcp"), Props.Port(443, 8443, "Tcp")));

        Assert.That(Diff(Props.FullInputs(), recased).HasChanges, Is.False);
    }

    [Test]
    public void The_long_service_name_equals_the_short_one()
    {
        var longName = Changed("serviceName", "eu-de.svc.3bd5ef0c-1234-4c8e-8e9a-000000000001");

        Assert.That(Diff(longName, Props.FullInputs()).HasChanges, Is.False);
        Assert.That(Diff(Props.FullInputs(), longName).HasChanges, Is.False);
    }

    [Test]
    public void The_unnamed_long_form_equals_no_name()
    {
        var unnamed = Props.FullInputs().Without("serviceName");

        Assert.That(Diff(Changed("serviceName", "eu-de.3bd5ef0c-1234-4c8e-8e9a-000000000001"), unnamed).HasChanges, Is.False);
    }

    [Test]
    public void Permission_prefix_duplicates_and_order_are_no_change()
    {
        var written = Changed("permissions", Props.Strings("iam:domain::d2", "d1", "d2"));

        Assert.That(Diff(Props.FullInputs(), written).HasChanges, Is.False);
    }

    [Test]
    public void Defaults_left_out_by_an_old_engine_are_no_change()
    {
        var explicitDefaults = Props.MinimalInputs()
            .With("approvalEnabled", true)
            .With("tcpProxy", "close")
            .With("serviceType", "interface")
            .With("tags", Props.Object())
            .With("permissions", Props.List())
            .With("description", "");

        Assert.That(Diff(Props.MinimalInputs(), explicitDefaults).HasChanges, Is.False);
        Assert.That(Diff(explicitDefaults, Props.MinimalInputs()).HasChanges, Is.False);
    }

    [Test]
    public void Secretness_alone_is_no_change() =>
        Assert.That(Diff(Props.FullInputs(), Changed("description", PropertyValue.From("a service").WithSecret())).HasChanges, Is.False);

    [Test]
    public void Without_old_inputs_the_old_states_schema_inputs_stand_in()
    {
        var state = Props.FullInputs()
            .With("serviceName", "svc")
            .With("status", "available")
            .With("fullServiceName", "eu-de.svc.id-1")
            .With("createdAt", "2026-01-01T00:00:00Z")
            .With("projectId", "p");

        var oldInputs = SchemaRules.InputsOfState(state);

        Assert.That(Diff(oldInputs, Props.FullInputs(), state).HasChanges, Is.False);
        Assert.That(Diff(oldInputs, Changed("vpcId", "vpc-9"), state).DetailedDiff,
            Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["vpcId"] = PropertyDiffKind.UpdateReplace }));
    }

    [TestCase("portId", "port-2")]
    [TestCase("vpcId", "vpc-2")]
    [TestCase("serviceName", "other")]
    [TestCase("description", "changed")]
    public void Swapped_direction_reports_the_same_properties_with_the_same_kind(string key, string value)
    {
        var forward = Diff(Props.FullInputs(), Changed(key, value));
        var backward = Diff(Changed(key, value), Props.FullInputs());

        Assert.That(backward.DetailedDiff, Is.EqualTo(forward.DetailedDiff));
        Assert.That(backward.DeleteBeforeReplace, Is.EqualTo(forward.DeleteBeforeReplace));
    }

    [Test]
    public void Swapped_direction_turns_adds_into_deletes()
    {
        var withoutTags = Props.FullInputs().Without("tags");

        var forward = Diff(withoutTags, Props.FullInputs());
        var backward = Diff(Props.FullInputs(), withoutTags);

        Assert.That(forward.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind>
        {
            ["tags.env"] = PropertyDiffKind.Add,
            ["tags.team"] = PropertyDiffKind.Add,
        }));
        Assert.That(backward.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind>
        {
            ["tags.env"] = PropertyDiffKind.Delete,
            ["tags.team"] = PropertyDiffKind.Delete,
        }));
    }

    [Test]
    public void An_unknown_new_value_is_a_change()
    {
        var result = Diff(Props.FullInputs(), Changed("description", PropertyValue.Unknown));

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["description"] = PropertyDiffKind.Update }));
    }

    [Test]
    public void Replacement_on_the_same_port_with_a_shared_server_port_deletes_first()
    {
        var result = Diff(Props.FullInputs(), Changed("vpcId", "vpc-2"));

        Assert.That(result.RequiresReplace, Is.True);
        Assert.That(result.DeleteBeforeReplace, Is.True);
    }

    [Test]
    public void A_shared_server_port_with_another_client_port_still_collides()
    {
        var replacement = Props.FullInputs().With("serverType", "VM").With("ports", Props.List(Props.Port(9000, 8443, "tcp")));

        Assert.That(Diff(Props.FullInputs(), replacement).DeleteBeforeReplace, Is.True);
    }

    [Test]
    public void Replacement_on_another_port_creates_first() =>
        Assert.That(Diff(Props.FullInputs(), Changed("vpcId", "vpc-2").With("portId", "port-2")).DeleteBeforeReplace, Is.False);

    [Test]
    public void Replacement_with_disjoint_server_ports_creates_first()
    {
        var replacement = Changed("vpcId", "vpc-2").With("ports", Props.List(Props.Port(80, 9080)));

        Assert.That(Diff(Props.FullInputs(), replacement).DeleteBeforeReplace, Is.False);
    }

    [Test]
    public void An_unknown_port_id_does_not_force_delete_first() =>
        Assert.That(Diff(Props.FullInputs(), Changed("vpcId", "vpc-2").With("portId", PropertyValue.Unknown)).DeleteBeforeReplace, Is.False);

    [Test]
    public void An_in_place_update_never_deletes_first() =>
        Assert.That(Diff(Props.FullInputs(), Changed("description", "x")).DeleteBeforeReplace, Is.False);

    [Test]
    public void Ignored_properties_are_not_reported()
    {
        var request = new DiffRequest
        {
            Urn = "urn:pulumi:dev::proj::otc:vpcep:VpcEndpointService::svc",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            Id = "service-1",
            OldState = Props.FullInputs(),
            OldInputs = Props.FullInputs(),
            NewInputs = Changed("description", "changed"),
            IgnoreChanges = ["description"],
        };

        Assert.That(Resource.Diff(request).HasChanges, Is.False);
    }
}
