using System.Text.Json;
using Otc.Provider.Cloud;
using Otc.Provider.Configuration;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

public sealed class ConfigurationTests
{
    private const string SecretKeyValue = "sk-very-secret-value";

    private static OtcProviderConfiguration Configuration(Dictionary<string, string>? environment = null) =>
        new(new OtcClientProvider(), name => environment?.GetValueOrDefault(name));

    private static PropertyMap AkSk() => Props.Map(
        ("region", "eu-de"),
        ("accessKey", "AK1"),
        ("secretKey", PropertyValue.From(SecretKeyValue).WithSecret()),
        ("version", "0.1.0"));

    private static IEnumerable<string> FailedKeys(CheckResult result) => result.Failures.Select(f => f.Property);

    [Test]
    public void A_complete_config_passes_and_is_returned_unchanged_with_its_version()
    {
        var result = Configuration().CheckConfig(PropertyMap.Empty, AkSk());

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs, Is.EqualTo(AkSk()));
    }

    [Test]
    public void A_missing_region_is_named()
    {
        var result = Configuration().CheckConfig(PropertyMap.Empty, AkSk().Without("region"));

        Assert.That(FailedKeys(result), Is.EqualTo(new[] { "region" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("OS_REGION_NAME"));
    }

    [Test]
    public void No_credentials_at_all_names_the_credential_keys()
    {
        var result = Configuration().CheckConfig(PropertyMap.Empty, Props.Map(("region", "eu-de")));

        Assert.That(result.Failures, Has.Count.EqualTo(1));
        Assert.That(result.Failures[0].Reason, Does.Contain("accessKey").And.Contain("secretKey").And.Contain("token").And.Contain("password"));
    }

    [Test]
    public void An_access_key_without_secret_key_is_refused()
    {
        var result = Configuration().CheckConfig(PropertyMap.Empty, AkSk().Without("secretKey"));

        Assert.That(FailedKeys(result), Is.EqualTo(new[] { "secretKey" }));
    }

    [Test]
    public void A_secret_key_without_access_key_is_refused() =>
        Assert.That(FailedKeys(Configuration().CheckConfig(PropertyMap.Empty, AkSk().Without("accessKey"))), Is.EqualTo(new[] { "accessKey" }));

    [Test]
    public void Access_keys_and_a_token_in_the_same_source_are_no_failure_and_the_token_is_used()
    {
        var config = AkSk().With("token", PropertyValue.From("tok").WithSecret());

        var result = Configuration().CheckConfig(PropertyMap.Empty, config);
        var options = Configuration().BuildOptions(config);

        Assert.That(result.Failures, Is.Empty);
        Assert.That((options.Token, options.AccessKey, options.SecretKey), Is.EqualTo(("tok", (string?)null, (string?)null)));
    }

    [Test]
    public void Password_authentication_needs_a_domain()
    {
        var config = Props.Map(("region", "eu-de"), ("username", "u"), ("password", PropertyValue.From("pw").WithSecret()));

        Assert.That(FailedKeys(Configuration().CheckConfig(PropertyMap.Empty, config)), Is.EqualTo(new[] { "domainName" }));
        Assert.That(Configuration().CheckConfig(PropertyMap.Empty, config.With("domainName", "d")).Failures, Is.Empty);
    }

    [Test]
    public void A_security_token_without_keys_is_an_incomplete_access_key_set()
    {
        var config = Props.Map(("region", "eu-de"), ("securityToken", "st"));

        Assert.That(FailedKeys(Configuration().CheckConfig(PropertyMap.Empty, config)), Is.EqualTo(new[] { "accessKey", "secretKey" }));
    }

    [Test]
    public void Environment_variables_stand_in_for_every_key()
    {
        var environment = new Dictionary<string, string>
        {
            ["OS_REGION_NAME"] = "eu-nl",
            ["OS_PROJECT_ID"] = "p-1",
            ["OS_PROJECT_NAME"] = "eu-nl_x",
            ["OS_AUTH_URL"] = "https://iam.example/v3",
            ["OS_ACCESS_KEY"] = "AK-ENV",
            ["OS_SECRET_KEY"] = "SK-ENV",
            ["OS_SECURITY_TOKEN"] = "ST-ENV",
            ["OTC_VPCEP_ENDPOINT"] = "http://127.0.0.1:9999",
            ["OS_INSECURE"] = "true",
            ["OTC_MAX_RETRIES"] = "2",
            ["OTC_MAX_CONNECTIONS"] = "7",
        };

        var options = Configuration(environment).BuildOptions(PropertyMap.Empty);

        Assert.That(options.Region, Is.EqualTo("eu-nl"));
        Assert.That(options.ProjectId, Is.EqualTo("p-1"));
        Assert.That(options.ProjectName, Is.EqualTo("eu-nl_x"));
        Assert.That(options.AuthUrl, Is.EqualTo("https://iam.example/v3"));
        Assert.That(options.AccessKey, Is.EqualTo("AK-ENV"));
        Assert.That(options.SecretKey, Is.EqualTo("SK-ENV"));
        Assert.That(options.SecurityToken, Is.EqualTo("ST-ENV"));
        Assert.That(options.VpcepEndpoint, Is.EqualTo("http://127.0.0.1:9999"));
        Assert.That(options.Insecure, Is.True);
        Assert.That(options.MaxRetries, Is.EqualTo(2));
        Assert.That(options.MaxConnectionsPerServer, Is.EqualTo(7));
    }

    [Test]
    public void The_connection_cap_defaults_to_the_clients_and_must_be_at_least_one()
    {
        var configuration = Configuration(new Dictionary<string, string>());
        var defaults = configuration.BuildOptions(Props.Map(("region", "eu-de"), ("accessKey", "AK"), ("secretKey", "SK")));
        var zero = configuration.CheckConfig(PropertyMap.Empty, Props.Map(("region", "eu-de"), ("accessKey", "AK"), ("secretKey", "SK"), ("maxConnections", 0.0)));

        Assert.That(defaults.MaxConnectionsPerServer, Is.EqualTo(32));
        Assert.That(zero.Failures.Select(failure => failure.Property), Is.EqualTo(new[] { "maxConnections" }));
        Assert.That(zero.Failures.Single().Reason, Does.Contain("at least 1"));
    }

    [Test]
    public void Password_and_token_keys_fall_back_to_the_environment()
    {
        var password = Configuration(new Dictionary<string, string>
        {
            ["OS_REGION_NAME"] = "eu-de",
            ["OS_USERNAME"] = "u",
            ["OS_PASSWORD"] = "pw",
            ["OS_DOMAIN_NAME"] = "dom",
        }).BuildOptions(PropertyMap.Empty);
        var token = Configuration(new Dictionary<string, string> { ["OS_REGION_NAME"] = "eu-de", ["OS_TOKEN"] = "tok" })
            .BuildOptions(PropertyMap.Empty);

        Assert.That((password.Username, password.Password, password.DomainName), Is.EqualTo(("u", "pw", "dom")));
        Assert.That(token.Token, Is.EqualTo("tok"));
    }

    [Test]
    public void Config_wins_over_the_environment()
    {
        var options = Configuration(new Dictionary<string, string> { ["OS_REGION_NAME"] = "eu-nl", ["OS_ACCESS_KEY"] = "AK-ENV" })
            .BuildOptions(AkSk().With("insecure", false).With("maxRetries", 0.0));

        Assert.That(options.Region, Is.EqualTo("eu-de"));
        Assert.That(options.AccessKey, Is.EqualTo("AK1"));
        Assert.That(options.Insecure, Is.False);
        Assert.That(options.MaxRetries, Is.EqualTo(0));
    }


    [Test]
    public void The_environment_is_never_copied_into_the_checked_config()
    {
        var result = Configuration(new Dictionary<string, string> { ["OS_SECRET_KEY"] = SecretKeyValue })
            .CheckConfig(PropertyMap.Empty, AkSk().Without("secretKey"));

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs.ContainsKey("secretKey"), Is.False);
    }

    [TestCase("insecure", "maybe")]
    [TestCase("maxRetries", "-1")]
    [TestCase("maxRetries", "many")]
    public void Malformed_typed_values_are_named(string key, string value)
    {
        var result = Configuration().CheckConfig(PropertyMap.Empty, AkSk().With(key, value));

        Assert.That(FailedKeys(result), Is.EqualTo(new[] { key }));
    }

    [Test]
    public void A_malformed_endpoint_url_is_named() =>
        Assert.That(FailedKeys(Configuration().CheckConfig(PropertyMap.Empty, AkSk().With("vpcepEndpoint", "not a url"))),
            Is.EqualTo(new[] { "vpcepEndpoint" }));

    [Test]
    public void Unknown_config_values_are_not_failures_during_preview()
    {
        var result = Configuration().CheckConfig(PropertyMap.Empty, Props.Map(("region", "eu-de"), ("token", PropertyValue.Unknown)));

        Assert.That(result.Failures, Is.Empty);
    }

    [Test]
    public void Configure_with_missing_keys_reports_names_and_descriptions()
    {
        var error = Assert.ThrowsAsync<MissingConfigurationException>(() =>
            Configuration().ConfigureAsync(Props.Map(("accessKey", "AK1")), new SilentLog(), CancellationToken.None));

        Assert.That(error!.Keys.Select(k => k.Name), Is.EquivalentTo(new[] { "region", "secretKey" }));
        Assert.That(error.Keys.Select(k => k.Description), Has.All.Not.Empty);
    }


    [Test]
    public void Failure_reasons_never_contain_secret_values()
    {
        var config = Props.Map(("secretKey", SecretKeyValue), ("password", "pw-secret"), ("token", "tok-secret"), ("securityToken", "st-secret"));

        var reasons = string.Join("\n", Configuration().CheckConfig(PropertyMap.Empty, config).Failures.Select(f => f.Reason));

        Assert.That(reasons, Does.Not.Contain(SecretKeyValue).And.Not.Contain("pw-secret").And.Not.Contain("tok-secret").And.Not.Contain("st-secret"));
    }

    [Test]
    public void A_client_is_not_available_before_configure()
    {
        var error = Assert.Throws<ProviderException>(() => _ = new OtcClientProvider().Client);

        Assert.That(error!.Kind, Is.EqualTo(ProviderErrorKind.FailedPrecondition));
    }

    [Test]
    public void The_key_table_matches_the_schema_config()
    {
        using var schema = JsonDocument.Parse(SchemaRules.EmbeddedSchemaJson());
        var variables = schema.RootElement.GetProperty("config").GetProperty("variables");

        var declared = variables.EnumerateObject().Select(v => (
            v.Name,
            string.Join(",", v.Value.GetProperty("defaultInfo").GetProperty("environment").EnumerateArray().Select(name => name.GetString())),
            v.Value.TryGetProperty("secret", out var secret) && secret.GetBoolean()));
        var table = ConfigKeys.All.Select(k => (k.Name, string.Join(",", k.EnvironmentVariables), k.IsSecret));

        Assert.That(table, Is.EquivalentTo(declared));
        Assert.That(ConfigKeys.All.Where(k => k.IsSecret).Select(k => k.Name),
            Is.EquivalentTo(new[] { "secretKey", "securityToken", "password", "token" }));
    }
    [Test]
    public void The_installation_page_lists_every_config_key_with_its_environment_variables_and_secrecy()
    {
        using var schema = JsonDocument.Parse(SchemaRules.EmbeddedSchemaJson());
        var declared = schema.RootElement.GetProperty("config").GetProperty("variables").EnumerateObject().Select(v => (
            Key: v.Name,
            Environment: string.Join(", ", v.Value.GetProperty("defaultInfo").GetProperty("environment").EnumerateArray().Select(name => $"`{name.GetString()}`")),
            Secret: v.Value.TryGetProperty("secret", out var secret) && secret.GetBoolean()));
        var page = File.ReadAllLines(Path.Combine(Otc.EmulatorHarness.ProviderBinary.RepositoryRoot(), "docs", "installation-configuration.md"));

        // The configuration table: | `key` | `ENV`, `ENV` | yes? | clouds.yaml | meaning |
        var rows = page.Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Select(cells => (Key: cells[1].Trim('`'), Environment: cells[2], Secret: cells[3] == "yes"));

        Assert.That(rows, Is.EquivalentTo(declared));
    }

    /// <summary>What DiffConfig answers: the configuration's alignment, then the schema's provider replace rules.</summary>
    private static DiffResult DiffConfig(PropertyMap oldConfig, PropertyMap newConfig, Dictionary<string, string>? environment = null)
    {
        var (aligned, alignedNew) = Configuration(environment).AlignForDiff(oldConfig, newConfig);
        var schema = new PackageSchema(SchemaRules.EmbeddedSchemaJson());
        return new PropertyDiffer(schema.ReplaceOnChanges(schema.ProviderToken)).Diff(new DiffRequest
        {
            Urn = "urn:pulumi:dev::proj::pulumi:providers:otc::default",
            Name = "default",
            Type = "pulumi:providers:otc",
            Log = new SilentLog(),
            Id = "provider-id",
            OldState = oldConfig,
            OldInputs = aligned,
            NewInputs = alignedNew,
        });
    }

    private static IEnumerable<string> Replaces(DiffResult result) =>
        result.DetailedDiff.Where(pair => pair.Value is PropertyDiffKind.UpdateReplace or PropertyDiffKind.AddReplace or PropertyDiffKind.DeleteReplace).Select(pair => pair.Key);

    [Test]
    public void The_schema_marks_region_and_project_as_the_keys_that_replace_the_providers_resources()
    {
        var schema = new PackageSchema(SchemaRules.EmbeddedSchemaJson());

        Assert.That(schema.ReplaceOnChanges(schema.ProviderToken), Is.EquivalentTo(new[] { "region", "projectId", "projectName" }));
    }

    [Test]
    public void A_new_region_replaces()
    {
        var result = DiffConfig(AkSk(), AkSk().With("region", "eu-nl"));

        Assert.That(Replaces(result), Is.EqualTo(new[] { "region" }), "the default project follows the region without a key of its own");
    }

    [TestCase("projectId", "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210")]
    [TestCase("projectName", "eu-de_one", "eu-de_two")]
    public void Another_project_replaces(string key, string before, string after)
    {
        var result = DiffConfig(AkSk().With(key, before), AkSk().With(key, after));

        Assert.That(Replaces(result), Is.EqualTo(new[] { key }));
    }

    [TestCase("secretKey")]
    [TestCase("accessKey")]
    [TestCase("token")]
    [TestCase("authUrl")]
    [TestCase("vpcepEndpoint")]
    [TestCase("maxRetries")]
    [TestCase("insecure")]
    public void Credentials_endpoints_and_client_settings_never_replace(string key)
    {
        var result = DiffConfig(AkSk(), AkSk().With(key, "changed"));

        Assert.That(result.DetailedDiff.Keys, Is.EqualTo(new[] { key }));
        Assert.That(Replaces(result), Is.Empty);
    }

    [Test]
    public void A_region_moved_into_its_environment_variable_is_no_change()
    {
        var result = DiffConfig(AkSk(), AkSk().Without("region"), new Dictionary<string, string> { ["OS_REGION_NAME"] = "eu-de" });

        Assert.That(result.HasChanges, Is.False);
    }

    [Test]
    public void Writing_out_the_default_project_name_is_no_change()
    {
        var result = DiffConfig(AkSk(), AkSk().With("projectName", "eu-de"));

        Assert.That(result.HasChanges, Is.False);
    }

    [Test]
    public void With_a_project_id_on_both_sides_the_name_is_only_a_label()
    {
        var withId = AkSk().With("projectId", "0123456789abcdef0123456789abcdef");

        Assert.That(DiffConfig(withId, withId.With("projectName", "eu-de_named")).HasChanges, Is.False);
    }

    [Test]
    public void Dropping_the_id_of_a_project_that_stays_named_is_no_change()
    {
        var both = AkSk().With("projectId", "0123456789abcdef0123456789abcdef").With("projectName", "eu-de_named");

        Assert.Multiple(() =>
        {
            Assert.That(DiffConfig(both, AkSk().With("projectName", "eu-de_named")).HasChanges, Is.False);
            Assert.That(DiffConfig(AkSk().With("projectName", "eu-de_named"), both).HasChanges, Is.False);
        });
    }

    [Test]
    public void Switching_from_a_project_id_to_a_name_the_provider_cannot_match_replaces()
    {
        var result = DiffConfig(AkSk().With("projectId", "0123456789abcdef0123456789abcdef"), AkSk().With("projectName", "eu-de_named"));

        Assert.That(Replaces(result), Is.EquivalentTo(new[] { "projectId", "projectName" }));
    }

    [Test]
    public void An_unknown_region_may_move_the_resources()
    {
        var result = DiffConfig(AkSk(), AkSk().With("region", PropertyValue.Unknown));

        Assert.That(Replaces(result), Is.EqualTo(new[] { "region" }));
    }
}
