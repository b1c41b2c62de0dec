using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpointService;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

public sealed class CheckTests
{
    private static CheckResult Check(PropertyMap inputs)
    {
        var resource = SchemaRules.Hosted(new VpcEndpointServiceHandler(new OtcClientProvider()));
        var request = new CheckRequest
        {
            Urn = "urn:pulumi:dev::proj::otc:vpcep:VpcEndpointService::svc",
            Name = "svc",
            Type = VpcEndpointServiceHandler.TypeToken,
            Log = new SilentLog(),
            OldInputs = PropertyMap.Empty,
            NewInputs = inputs,
        };
        return resource.CheckAsync(request, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static CheckResult CheckWith(string key, PropertyValue value) => Check(Props.MinimalInputs().With(key, value));

    private static IEnumerable<string> FailedProperties(CheckResult result) => result.Failures.Select(f => f.Property);

    [Test]
    public void Minimal_inputs_are_valid_and_get_every_default()
    {
        var result = Check(Props.MinimalInputs());

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs["approvalEnabled"], Is.EqualTo(PropertyValue.From(true)));
        Assert.That(result.Inputs["tcpProxy"], Is.EqualTo(PropertyValue.From("close")));
        Assert.That(result.Inputs["serviceType"], Is.EqualTo(PropertyValue.From("interface")));
        Assert.That(result.Inputs["ports"], Is.EqualTo(Props.List(Props.Port(80, 8080, "TCP"))));
    }

    [Test]
    public void A_missing_protocol_defaults_to_TCP_per_port()
    {
        var result = CheckWith("ports", Props.List(Props.Port(80, 8080, protocol: null), Props.Port(81, 8081, "tcp")));

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs["ports"], Is.EqualTo(Props.List(Props.Port(80, 8080, "TCP"), Props.Port(81, 8081, "tcp"))));
    }

    [Test]
    public void The_users_representation_is_kept()
    {
        var ports = Props.List(Props.Port(443, 8443), Props.Port(80, 8080));
        var inputs = Props.MinimalInputs().With("serverType", "lb").With("tcpProxy", "Proxy_Open").With("ports", ports);

        var result = Check(inputs);

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs["serverType"], Is.EqualTo(PropertyValue.From("lb")));
        Assert.That(result.Inputs["tcpProxy"], Is.EqualTo(PropertyValue.From("Proxy_Open")));
        Assert.That(result.Inputs["ports"], Is.EqualTo(ports));
    }

    [TestCase("lb")]
    [TestCase("Vm")]
    [TestCase("VIP")]
    [TestCase("bms")]
    public void Server_type_is_accepted_in_any_case(string serverType) =>
        Assert.That(CheckWith("serverType", serverType).Failures, Is.Empty);

    [Test]
    public void An_unknown_server_type_is_refused() =>
        Assert.That(FailedProperties(CheckWith("serverType", "ELB")), Is.EqualTo(new[] { "serverType" }));

    [Test]
    public void Missing_required_inputs_are_each_named()
    {
        var result = Check(PropertyMap.Empty);

        Assert.That(FailedProperties(result), Is.EquivalentTo(new[] { "portId", "vpcId", "serverType", "ports" }));
        Assert.That(result.Failures.Select(f => f.Reason), Has.All.Contains("missing required property"));
    }

    [Test]
    public void Empty_port_id_is_refused() =>
        Assert.That(FailedProperties(CheckWith("portId", "")), Is.EqualTo(new[] { "portId" }));

    [Test]
    public void A_gateway_service_type_is_refused_with_the_reason()
    {
        var result = CheckWith("serviceType", "gateway");

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "serviceType" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("interface"));
    }

    [TestCase("")]
    [TestCase("seventeen-chars-x")]
    [TestCase("has space")]
    [TestCase("dot.ted")]
    [TestCase("ümlaut")]
    [TestCase("name\n")]
    public void Bad_service_names_are_refused(string name)
    {
        var result = CheckWith("serviceName", name);

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "serviceName" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("1-16"));
    }

    [TestCase("service1")]
    [TestCase("A_b-9")]
    [TestCase("sixteen-chars-xx")]
    public void Good_service_names_are_accepted(string name) =>
        Assert.That(CheckWith("serviceName", name).Failures, Is.Empty);

    [Test]
    public void More_than_200_ports_are_refused()
    {
        var ports = Enumerable.Range(1, 201).Select(i => Props.Port(i, i)).ToArray();

        var result = CheckWith("ports", Props.List(ports));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "ports" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("1-200"));
    }

    [Test]
    public void Exactly_200_ports_are_accepted()
    {
        var ports = Enumerable.Range(1, 200).Select(i => Props.Port(i, i)).ToArray();

        Assert.That(CheckWith("ports", Props.List(ports)).Failures, Is.Empty);
    }

    [Test]
    public void An_empty_port_list_is_refused() =>
        Assert.That(FailedProperties(CheckWith("ports", Props.List())), Is.EqualTo(new[] { "ports" }));

    [TestCase(0, 80, "ports[1].clientPort")]
    [TestCase(65536, 80, "ports[1].clientPort")]
    [TestCase(80, 0, "ports[1].serverPort")]
    [TestCase(80, 65536, "ports[1].serverPort")]
    [TestCase(80.5, 80, "ports[1].clientPort")]
    public void Ports_outside_1_to_65535_are_refused_with_their_path(double clientPort, double serverPort, string path)
    {
        var result = CheckWith("ports", Props.List(Props.Port(1, 1), Props.Port(clientPort, serverPort)));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { path }));
        Assert.That(result.Failures[0].Reason, Does.Contain("1-65535"));
    }

    [Test]
    public void Port_edges_are_accepted() =>
        Assert.That(CheckWith("ports", Props.List(Props.Port(1, 65535))).Failures, Is.Empty);

    [Test]
    public void UDP_is_refused()
    {
        var result = CheckWith("ports", Props.List(Props.Port(53, 53, "UDP")));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "ports[0].protocol" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("TCP"));
    }

    [Test]
    public void A_duplicate_mapping_is_refused_even_in_another_case()
    {
        var result = CheckWith("ports", Props.List(Props.Port(80, 8080, "TCP"), Props.Port(81, 8081), Props.Port(80, 8080, "tcp")));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "ports[2]" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("duplicate").And.Contain("ports[0]"));
    }

    [Test]
    public void A_port_missing_its_server_port_is_named()
    {
        var result = CheckWith("ports", Props.List(Props.Object(("clientPort", 80))));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "ports[0].serverPort" }));
    }

    [TestCase("close")]
    [TestCase("TOA_OPEN")]
    [TestCase("proxy_open")]
    [TestCase("open")]
    [TestCase("proxy_vni")]
    public void Every_tcp_proxy_mode_is_accepted(string mode) =>
        Assert.That(CheckWith("tcpProxy", mode).Failures, Is.Empty);

    [Test]
    public void A_bad_tcp_proxy_is_refused()
    {
        var result = CheckWith("tcpProxy", "half_open");

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "tcpProxy" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("proxy_vni"));
    }

    [TestCase("a <b>")]
    [TestCase("x > y")]
    public void Angle_brackets_in_the_description_are_refused(string description) =>
        Assert.That(FailedProperties(CheckWith("description", description)), Is.EqualTo(new[] { "description" }));

    [Test]
    public void A_description_over_128_characters_is_refused()
    {
        Assert.That(FailedProperties(CheckWith("description", new string('d', 129))), Is.EqualTo(new[] { "description" }));
        Assert.That(CheckWith("description", new string('d', 128)).Failures, Is.Empty);
    }

    [Test]
    public void Tags_with_unicode_letters_digits_and_marks_are_accepted() =>
        Assert.That(CheckWith("tags", Props.Object(("Umgebung-ä_1@x", "wert_ß"), ("empty", ""))).Failures, Is.Empty);

    [Test]
    public void Bad_tag_keys_and_values_are_refused_per_entry()
    {
        var tags = Props.Object(
            ("bad key", "v"),
            ("ok", "bad.value"),
            (new string('k', 37), "v"),
            ("long", new string('v', 44)),
            ("fine", "v"));

        var result = CheckWith("tags", tags);

        Assert.That(FailedProperties(result), Is.EquivalentTo(new[]
        {
            "tags[\"bad key\"]", "tags.ok", $"tags.{new string('k', 37)}", "tags.long",
        }));
    }

    [Test]
    public void More_than_20_tags_are_refused()
    {
        var tags = Props.Object([.. Enumerable.Range(0, 21).Select(i => ($"k{i}", PropertyValue.From("v")))]);

        var result = CheckWith("tags", tags);

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "tags" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("20"));
    }

    [Test]
    public void The_permission_prefix_is_normalised_away()
    {
        var result = CheckWith("permissions", Props.Strings("iam:domain::abc123", "*", "def456"));

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs["permissions"], Is.EqualTo(Props.Strings("abc123", "*", "def456")));
    }

    [TestCase("iam:domain::")]
    [TestCase("bad-id")]
    [TestCase("")]
    [TestCase("org:path::x")]
    public void Bad_permissions_are_refused_with_their_index(string permission)
    {
        var result = CheckWith("permissions", Props.Strings("good", permission));

        Assert.That(FailedProperties(result), Is.EqualTo(new[] { "permissions[1]" }));
    }

    [Test]
    public void A_permission_over_64_characters_is_refused() =>
        Assert.That(FailedProperties(CheckWith("permissions", Props.Strings(new string('a', 65)))), Is.EqualTo(new[] { "permissions[0]" }));

    [Test]
    public void Wrong_types_are_failures_not_exceptions()
    {
        var inputs = Props.Map(
            ("portId", 1.0),
            ("vpcId", true),
            ("serverType", 3.0),
            ("approvalEnabled", "yes"),
            ("ports", "80:8080"),
            ("tags", Props.Strings("a")),
            ("permissions", "d1"));

        var result = Check(inputs);

        Assert.That(FailedProperties(result), Is.EquivalentTo(new[]
        {
            "portId", "vpcId", "serverType", "approvalEnabled", "ports", "tags", "permissions",
        }));
    }

    [Test]
    public void An_unexpected_property_is_named() =>
        Assert.That(FailedProperties(CheckWith("serviceNmae", "x")), Is.EqualTo(new[] { "serviceNmae" }));

    [Test]
    public void Unknown_values_are_skipped_during_preview()
    {
        var inputs = Props.Map(
            ("portId", PropertyValue.Unknown),
            ("vpcId", PropertyValue.Unknown),
            ("serverType", PropertyValue.Unknown),
            ("serviceName", PropertyValue.Unknown),
            ("ports", Props.List(Props.Object(("clientPort", PropertyValue.Unknown), ("serverPort", 8080.0)), PropertyValue.Unknown)),
            ("tags", Props.Object(("env", PropertyValue.Unknown))),
            ("permissions", Props.List(PropertyValue.Unknown)),
            ("description", PropertyValue.Unknown));

        var result = Check(inputs);

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs["portId"].IsUnknown, Is.True);
        Assert.That(result.Inputs["approvalEnabled"], Is.EqualTo(PropertyValue.From(true)));
    }

    [Test]
    public void Secret_inputs_stay_secret()
    {
        var result = CheckWith("description", PropertyValue.From("hidden").WithSecret());

        Assert.That(result.Inputs["description"].IsSecret, Is.True);
    }

    [Test]
    public void A_complete_valid_input_passes_unchanged() =>
        Assert.That(Check(Props.FullInputs()).Inputs, Is.EqualTo(Props.FullInputs()));
}
