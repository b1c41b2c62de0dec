using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpoint;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

/// <summary>Check rules, the diff table and the Read/import round trip of <c>otc:vpcep:VpcEndpoint</c>.</summary>
public sealed class EndpointUnitTests
{
    private const string Region = "eu-de";

    private static readonly HostedResource Resource = SchemaRules.Hosted(new VpcEndpointHandler(new OtcClientProvider()));

    private static PropertyMap Minimal() => Props.Map(("serviceId", "svc-1"), ("vpcId", "vpc-1"), ("subnetId", "subnet-1"));

    private static PropertyMap Full() => Props.Map(
        ("serviceId", "svc-1"),
        ("vpcId", "vpc-1"),
        ("subnetId", "subnet-1"),
        ("portIp", "10.0.0.8"),
        ("enableDns", true),
        ("enableWhitelist", true),
        ("whitelist", Props.Strings("10.0.0.0/24", "192.168.1.1")),
        ("description", "an endpoint"),
        ("tags", Props.Object(("env", "test"))));

    private static CheckResult Check(PropertyMap inputs) => Resource.CheckAsync(new CheckRequest
    {
        Urn = "urn:pulumi:dev::proj::otc:vpcep:VpcEndpoint::ep",
        Name = "ep",
        Type = VpcEndpointHandler.TypeToken,
        Log = new SilentLog(),
        OldInputs = PropertyMap.Empty,
        NewInputs = inputs,
    }, CancellationToken.None).GetAwaiter().GetResult();

    private static DiffResult Diff(PropertyMap oldInputs, PropertyMap newInputs, PropertyMap? oldState = null)
    {
        return Resource.Diff(new DiffRequest
        {
            Urn = "urn:pulumi:dev::proj::otc:vpcep:VpcEndpoint::ep",
            Name = "ep",
            Type = VpcEndpointHandler.TypeToken,
            Log = new SilentLog(),
            Id = "ep-1",
            OldState = oldState ?? oldInputs,
            OldInputs = oldInputs,
            NewInputs = newInputs,
        });
    }

    private static IEnumerable<string> FailedProperties(CheckResult result) => result.Failures.Select(failure => failure.Property);

    [Test]
    public void Minimal_inputs_are_valid_and_get_the_defaults()
    {
        var result = Check(Minimal());

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs, Is.EqualTo(Minimal().With("enableDns", false).With("enableWhitelist", false)));
    }

    [TestCase("serviceId")]
    [TestCase("vpcId")]
    public void A_missing_required_input_is_named(string key) =>
        Assert.That(FailedProperties(Check(Minimal().Without(key))), Is.EqualTo(new[] { key }));

    [TestCase("10.0.0.300")]
    [TestCase("2001:db8::8")]
    [TestCase("a.b.c.d")]
    public void The_port_ip_must_be_an_ipv4_address(string portIp)
    {
        var result = Check(Minimal().With("portIp", portIp));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "portIp" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("IPv4"));
    }

    [Test]
    public void A_port_ip_in_the_range_vpcep_reserves_is_refused()
    {
        var result = Check(Minimal().With("portIp", "198.19.200.1"));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "portIp" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("198.19.128.0/17"));
    }

    [Test]
    public void Each_bad_whitelist_entry_is_named_by_its_index()
    {
        var result = Check(Minimal().With("whitelist", Props.Strings("10.0.0.1", "10.0.0.0/40", "example.com")));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "whitelist[1]", "whitelist[2]" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("IPv4 address or CIDR block"));
    }

    [Test]
    public void Route_tables_and_interface_settings_cannot_be_mixed()
    {
        var result = Check(Minimal().With("routeTables", Props.Strings("rtb-1")).With("whitelist", Props.Strings("10.0.0.1")));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "routeTables" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("'subnetId'").And.Contain("'whitelist'"));
    }

    [Test]
    public void A_gateway_endpoint_needs_no_subnet()
    {
        var gateway = Props.Map(("serviceId", "svc-obs"), ("vpcId", "vpc-1"), ("routeTables", Props.Strings("rtb-1")));

        Assert.That(Check(gateway).Failures, Is.Empty);
    }

    [TestCase("description", "<script>", "description")]
    [TestCase("enableDns", "yes", "enableDns")]
    [TestCase("colour", "blue", "colour")]
    public void Other_rules_name_their_property(string key, string value, string failed) =>
        Assert.That(FailedProperties(Check(Minimal().With(key, value))), Is.EqualTo(new[] { failed }));

    [Test]
    public void Bad_tags_are_named_by_their_key() =>
        Assert.That(FailedProperties(Check(Minimal().With("tags", Props.Object(("bad key", "v"))))), Is.EqualTo(new[] { "tags[\"bad key\"]" }));

    [Test]
    public void Unknown_values_are_not_judged() =>
        Assert.That(Check(Minimal().With("serviceId", PropertyValue.Unknown).With("whitelist", PropertyValue.Unknown)).Failures, Is.Empty);

    [TestCase("serviceId", "svc-2")]
    [TestCase("vpcId", "vpc-2")]
    [TestCase("subnetId", "subnet-2")]
    [TestCase("portIp", "10.0.0.9")]
    [TestCase("description", "changed")]
    public void Every_change_but_tags_replaces_the_endpoint(string key, string value)
    {
        var result = Diff(Full(), Full().With(key, value));

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind> { [key] = PropertyDiffKind.UpdateReplace }));
    }

    [TestCase("enableDns")]
    [TestCase("enableWhitelist")]
    public void A_flipped_flag_replaces_the_endpoint(string key) =>
        Assert.That(Diff(Full(), Full().With(key, false)).DetailedDiff[key], Is.EqualTo(PropertyDiffKind.UpdateReplace));

    [Test]
    public void A_different_whitelist_replaces_but_a_reordered_one_is_no_change()
    {
        Assert.That(Diff(Full(), Full().With("whitelist", Props.Strings("192.168.1.1", "10.0.0.0/24"))).HasChanges, Is.False);
        Assert.That(Diff(Full(), Full().With("whitelist", Props.Strings("10.0.0.0/24"))).DetailedDiff["whitelist"], Is.EqualTo(PropertyDiffKind.UpdateReplace));
    }

    [Test]
    public void A_tag_change_is_an_update_in_place()
    {
        var result = Diff(Full(), Full().With("tags", Props.Object(("env", "prod"), ("team", "net"))));

        Assert.That(result.DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind>
        {
            ["tags.env"] = PropertyDiffKind.Update,
            ["tags.team"] = PropertyDiffKind.Add,
        }));
        Assert.That(result.RequiresReplace, Is.False);
    }

    [Test]
    public void An_ip_or_route_table_the_cloud_chose_is_no_change_for_a_program_that_names_none()
    {
        var program = Full().Without("portIp");
        var imported = Full().With("portIp", "10.0.0.77");
        var gatewayProgram = Props.Map(("serviceId", "svc-obs"), ("vpcId", "vpc-1"), ("enableDns", false), ("enableWhitelist", false));
        var gatewayImported = gatewayProgram.With("routeTables", Props.Strings("rtb-vpc"));

        Assert.Multiple(() =>
        {
            Assert.That(Diff(imported, program).HasChanges, Is.False, "import, then the program");
            Assert.That(Diff(program, imported, oldState: imported).HasChanges, Is.False, "the engine's swapped refresh diff");
            Assert.That(Diff(gatewayImported, gatewayProgram).HasChanges, Is.False, "the VPC's route table");
            Assert.That(Diff(program, program.With("portIp", "10.0.0.77"), oldState: imported).HasChanges, Is.False, "naming the cloud's ip");
            Assert.That(Diff(program, program.With("portIp", "10.0.0.78"), oldState: imported).DetailedDiff["portIp"], Is.EqualTo(PropertyDiffKind.UpdateReplace));
        });
    }

    [Test]
    public void Import_gives_inputs_that_check_unchanged_and_diff_to_nothing()
    {
        var live = new VpcEndpoint
        {
            Id = "ep-1",
            EndpointServiceId = "svc-1",
            EndpointServiceName = "web",
            ServiceType = "interface",
            Status = "accepted",
            VpcId = "vpc-1",
            SubnetId = "subnet-1",
            Ip = "10.0.0.8",
            EnableDns = true,
            Whitelist = ["192.168.1.1", "10.0.0.0/24"],
            EnableWhitelist = true,
            Description = "",
            Tags = [new ResourceTag { Key = "env", Value = "test" }],
            MarkerId = "422321321312321321",
        };

        var state = EndpointMapper.ToState(live, preferred: null, Region);
        var imported = EndpointMapper.ToInputs(state, oldInputs: null).ToProperties();
        var checkedInputs = Check(imported);

        Assert.That(state.ServiceName.ValueOrDefault, Is.EqualTo("eu-de.web.svc-1"), "the full name, composed from the bare one the cloud answered");
        Assert.That(state.ToProperties()["markerId"], Is.EqualTo(PropertyValue.From("422321321312321321")), "18 digits, kept as text");
        Assert.That(checkedInputs.Failures, Is.Empty);
        Assert.That(checkedInputs.Inputs, Is.EqualTo(imported));
        Assert.That(Diff(imported, Full().Without("portIp").With("description", "")).HasChanges, Is.False);
    }

    [Test]
    public void A_marker_id_that_0_1_0_stored_as_a_number_reads_back_as_its_digits()
    {
        var stored = Full().With("markerId", 201515772).With("status", "accepted");

        var state = PropertyModel.FromStoredProperties<VpcEndpointState>(stored);

        Assert.That(state.ToProperties()["markerId"], Is.EqualTo(PropertyValue.From("201515772")));
    }

    [Test]
    public void An_endpoint_of_a_public_service_keeps_the_services_own_name()
    {
        var live = new VpcEndpoint { Id = "ep-1", EndpointServiceId = "obs-1", EndpointServiceName = "com.t-systems.otc.eu-de.obs", VpcId = "vpc-1", Status = "accepted" };

        Assert.That(EndpointMapper.ToState(live, preferred: null, Region).ServiceName.ValueOrDefault, Is.EqualTo("com.t-systems.otc.eu-de.obs"));
    }

    [Test]
    public void Refresh_keeps_the_programs_shape()
    {
        var written = Check(Minimal()).Inputs;
        var oldInputs = SchemaRules.Inputs<VpcEndpointInputs>(VpcEndpointHandler.TypeToken, written);
        var live = new VpcEndpoint { Id = "ep-1", EndpointServiceId = "svc-1", VpcId = "vpc-1", SubnetId = "subnet-1", Ip = "10.0.0.8", Status = "accepted" };

        var refreshed = EndpointMapper.ToInputs(EndpointMapper.ToState(live, oldInputs, Region), oldInputs).ToProperties();

        Assert.That(refreshed, Is.EqualTo(written));
    }
}
