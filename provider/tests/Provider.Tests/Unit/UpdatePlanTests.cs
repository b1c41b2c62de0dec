using Otc.CloudClient;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Models;
using PortMapping = Otc.Provider.Resources.VpcEndpointService.PortMapping;

namespace Otc.Provider.Tests.Unit;

public sealed class UpdatePlanTests
{
    private static VpcEndpointServiceInputs Old => SchemaRules.ServiceInputs(Props.FullInputs());

    private static string Json(UpdateServiceRequest? request) =>
        request is null ? "null" : Newtonsoft.Json.JsonConvert.SerializeObject(request, new Newtonsoft.Json.JsonSerializerSettings
        {
            NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
        });

    [Test]
    public void Identical_inputs_plan_nothing() =>
        Assert.That(UpdatePlan.Build(Old, Old).IsEmpty, Is.True);

    [Test]
    public void The_PUT_has_the_changed_fields_plus_approval_and_tcp_proxy()
    {
        var plan = UpdatePlan.Build(Old, Old with { Description = "new text", ApprovalEnabled = false });

        Assert.That(Json(plan.Modify), Is.EqualTo("""{"approval_enabled":false,"tcp_proxy":"close","description":"new text"}"""));
    }

    [Test]
    public void The_desired_approval_and_tcp_proxy_go_out_with_any_change_because_the_modify_page_gives_them_defaults()
    {
        var old = Old with { ApprovalEnabled = false, TcpProxy = "toa_open" };

        var plan = UpdatePlan.Build(old, old with { Description = "only this changed" });

        Assert.That(Json(plan.Modify), Is.EqualTo("""{"approval_enabled":false,"tcp_proxy":"toa_open","description":"only this changed"}"""));
    }

    [Test]
    public void Without_the_documented_defaults_only_the_changed_fields_go_out()
    {
        var old = Old with { ApprovalEnabled = false, TcpProxy = "toa_open" };

        var plan = UpdatePlan.Build(old, old with { Description = "only this changed" }, sendDocumentedDefaults: false);

        Assert.That(Json(plan.Modify), Is.EqualTo("""{"description":"only this changed"}"""));
    }

    [Test]
    public void A_port_change_sends_the_full_list_in_canonical_spelling()
    {
        var desired = Old with { Ports = InputList<PortMapping>.Of([new PortMapping(80, 8080, "tcp"), new PortMapping(8000, 9000)]) };

        var plan = UpdatePlan.Build(Old, desired);

        Assert.That(Json(plan.Modify), Is.EqualTo(
            """{"approval_enabled":true,"ports":[{"client_port":80,"server_port":8080,"protocol":"TCP"},{"client_port":8000,"server_port":9000,"protocol":"TCP"}],"tcp_proxy":"close"}"""));
    }

    [Test]
    public void Port_id_name_and_tcp_proxy_changes_are_sent()
    {
        var desired = Old with { PortId = "port-2", ServiceName = "renamed", TcpProxy = "Proxy_Open" };

        var plan = UpdatePlan.Build(Old, desired);

        Assert.That(Json(plan.Modify), Is.EqualTo("""{"approval_enabled":true,"service_name":"renamed","port_id":"port-2","tcp_proxy":"proxy_open"}"""));
    }

    [Test]
    public void Equivalent_spellings_plan_no_PUT()
    {
        var desired = Old with
        {
            Ports = InputList<PortMapping>.Of(Old.PortList.Reverse().Select(p => p with { Protocol = "tcp" })),
            TcpProxy = "CLOSE",
            ServerType = "lb",
        };
        var longNamed = Old with { ServiceName = "eu-de.svc.some-id" };

        Assert.That(UpdatePlan.Build(Old, desired).IsEmpty, Is.True);
        Assert.That(UpdatePlan.Build(longNamed, Old).IsEmpty, Is.True);
    }

    [Test]
    public void Tags_only_changes_plan_no_PUT_but_tag_actions()
    {
        var desired = Old with { Tags = InputMap<string>.Of(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "me" }) };

        var plan = UpdatePlan.Build(Old, desired);

        Assert.That(plan.Modify, Is.Null);
        Assert.That(plan.Tags.ToDelete.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("env", (string?)null), ("team", null) }));
        Assert.That(plan.Tags.ToCreate.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("env", (string?)"prod"), ("owner", "me") }));
        Assert.That(plan.PermissionsToAdd, Is.Empty);
        Assert.That(plan.PermissionsToRemove, Is.Empty);
    }

    [Test]
    public void Permissions_only_changes_plan_no_PUT_but_the_two_deltas()
    {
        var desired = Old with { Permissions = InputList<string>.Of(["iam:domain::d2", "d3", "*"]) };

        var plan = UpdatePlan.Build(Old, desired);

        Assert.That(plan.Modify, Is.Null);
        Assert.That(plan.Tags.ToCreate, Is.Empty);
        Assert.That(plan.PermissionsToRemove, Is.EqualTo(new[] { "d1" }));
        Assert.That(plan.PermissionsToAdd, Is.EquivalentTo(new[] { "d3", "*" }));
    }

    [Test]
    public void Removing_optional_values_clears_them_except_the_name_which_cannot_be_removed_in_place()
    {
        var desired = Old with { Description = null, ServiceName = null, Tags = null, Permissions = null };

        var plan = UpdatePlan.Build(Old, desired);

        Assert.That(Json(plan.Modify), Is.EqualTo("""{"approval_enabled":true,"tcp_proxy":"close","description":""}"""));
        Assert.That(plan.Tags.ToDelete.Select(t => t.Key), Is.EqualTo(new[] { "env", "team" }));
        Assert.That(plan.PermissionsToRemove, Is.EquivalentTo(new[] { "d1", "d2" }));
    }

    [Test]
    public void Permissions_go_to_the_API_in_the_documented_prefixed_form_every_account_too()
    {
        Assert.That(Permissions.ToWire("d1"), Is.EqualTo("iam:domain::d1"));
        Assert.That(Permissions.ToWire("iam:domain::d1"), Is.EqualTo("iam:domain::d1"));
        Assert.That(Permissions.ToWire("*"), Is.EqualTo("iam:domain::*"));
        Assert.That(Permissions.ToWire("iam:domain::*"), Is.EqualTo("iam:domain::*"));
    }
}
