using Otc.CloudClient;
using Otc.EmulatorHarness;
using Otc.Provider.Cloud;
using Otc.Provider.Configuration;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

/// <summary>
/// Where settings come from (the <c>otc:</c> config, every environment name the Terraform OTC provider accepts, a
/// clouds.yaml cloud) and which credential set wins when several are present.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CredentialSourcesTests
{
    private const string FileSecret = "sk-in-clouds-yaml-42";
    private const string FilePassword = "pw-in-secure-yaml-43";
    private const string EnvironmentToken = "tok-in-environment-44";

    private static IEnumerable<TestCaseData> EveryEnvironmentName() =>
        ConfigKeys.All.SelectMany(key => key.EnvironmentVariables.Select(variable => new TestCaseData(key.Name, variable).SetName($"{key.Name} from {variable}")));

    private static OtcProviderConfiguration Configuration(Dictionary<string, string> environment, CloudsFolders? folders = null) =>
        new(new OtcClientProvider(), name => environment.GetValueOrDefault(name), cloudsFiles: folders?.Files(environment));

    private static ResolvedConfig Resolve(PropertyMap config, Dictionary<string, string> environment, CloudsFolders? folders = null) =>
        ResolvedConfig.Resolve(config, name => environment.GetValueOrDefault(name), name => folders is null
            ? throw new OtcConfigurationException($"this test has no clouds.yaml for '{name}'", CloudEntry.OptionKey)
            : CloudEntry.Load(name, folders.Files(environment)));

    [TestCaseSource(nameof(EveryEnvironmentName))]
    public void Each_environment_name_sets_its_key(string keyName, string variable)
    {
        var key = ConfigKeys.All.Single(k => k.Name == keyName);
        var value = key.Type switch { ConfigValueType.Boolean => "true", ConfigValueType.Integer => "7", _ => "value-of-" + variable };

        var resolved = Resolve(PropertyMap.Empty, new Dictionary<string, string> { [variable] = value });

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Origin(key), Is.EqualTo(variable));
            Assert.That(resolved.Text(key) ?? resolved.Boolean(key)?.ToString() ?? resolved.Integer(key)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(value).IgnoreCase);
        });
    }

    [Test]
    public void The_terraform_providers_names_are_accepted_beside_ours()
    {
        var options = Configuration(new Dictionary<string, string>
        {
            ["OS_REGION"] = "eu-nl",
            ["OS_TENANT_NAME"] = "eu-nl_shop",
            ["OS_TENANT_ID"] = "p-9",
            ["OS_AUTH_TOKEN"] = EnvironmentToken,
            ["OS_USER_DOMAIN_NAME"] = "OTC-EU-NL-1",
        }).BuildOptions(PropertyMap.Empty);

        Assert.That((options.Region, options.ProjectName, options.ProjectId, options.Token), Is.EqualTo(("eu-nl", "eu-nl_shop", "p-9", EnvironmentToken)));
    }

    [Test]
    public void Where_several_names_of_a_key_are_set_the_first_in_the_terraform_providers_order_wins()
    {
        var resolved = Resolve(PropertyMap.Empty, new Dictionary<string, string>
        {
            ["OS_PROJECT_NAME"] = "second",
            ["OS_TENANT_NAME"] = "first",
            ["OS_DOMAIN_NAME"] = "third",
            ["OS_USER_DOMAIN_NAME"] = "user-domain",
        });

        Assert.That((resolved.Text(ConfigKeys.ProjectName), resolved.Text(ConfigKeys.DomainName)), Is.EqualTo(("first", "user-domain")));
    }

    [Test]
    public void OS_CLOUD_alone_takes_every_setting_from_the_named_cloud()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.UserConfigDirectory, "clouds.yaml",
            $"clouds:\n  prod:\n    region_name: eu-nl\n    verify: false\n    auth:\n      auth_url: https://iam.example/v3\n      project_name: eu-nl_shop\n      ak: AK-FILE\n      sk: {FileSecret}\n");

        var options = Configuration(new Dictionary<string, string> { ["OS_CLOUD"] = "prod" }, folders).BuildOptions(PropertyMap.Empty);

        Assert.Multiple(() =>
        {
            Assert.That((options.Region, options.ProjectName, options.AuthUrl), Is.EqualTo(("eu-nl", "eu-nl_shop", "https://iam.example/v3")));
            Assert.That((options.AccessKey, options.SecretKey), Is.EqualTo(("AK-FILE", FileSecret)));
            Assert.That(options.Insecure, Is.True);
        });
    }

    [Test]
    public void The_cloud_config_key_names_the_cloud_and_wins_over_OS_CLOUD()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", "clouds:\n  a:\n    region_name: eu-de\n    auth: {token: ta}\n  b:\n    region_name: eu-nl\n    auth: {token: tb}\n");

        var options = Configuration(new Dictionary<string, string> { ["OS_CLOUD"] = "a" }, folders).BuildOptions(Props.Map(("cloud", "b")));

        Assert.That((options.Region, options.Token), Is.EqualTo(("eu-nl", "tb")));
    }

    [Test]
    public void Secure_yaml_supplies_the_password_of_a_cloud()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", "clouds:\n  prod:\n    region_name: eu-de\n    auth:\n      username: u\n      user_domain_name: d\n");
        folders.Write(folders.UserConfigDirectory, "secure.yaml", $"clouds:\n  prod:\n    auth:\n      password: {FilePassword}\n");

        var options = Configuration(new Dictionary<string, string> { ["OS_CLOUD"] = "prod" }, folders).BuildOptions(PropertyMap.Empty);

        Assert.That((options.Username, options.Password, options.DomainName), Is.EqualTo(("u", FilePassword, "d")));
    }

    [Test]
    public void Config_wins_over_the_environment_and_the_environment_over_clouds_yaml_key_by_key()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", "clouds:\n  prod:\n    region_name: from-file\n    auth:\n      project_name: from-file\n      auth_url: https://file.example/v3\n      token: t\n");
        var environment = new Dictionary<string, string> { ["OS_CLOUD"] = "prod", ["OS_REGION_NAME"] = "from-env", ["OS_PROJECT_NAME"] = "from-env" };

        var options = Configuration(environment, folders).BuildOptions(Props.Map(("region", "from-config")));

        Assert.That((options.Region, options.ProjectName, options.AuthUrl), Is.EqualTo(("from-config", "from-env", "https://file.example/v3")));
    }

    [Test]
    public void Within_one_source_a_token_wins_over_access_keys_and_access_keys_over_a_password()
    {
        var everything = new Dictionary<string, string>
        {
            ["OS_REGION_NAME"] = "eu-de",
            ["OS_TOKEN"] = EnvironmentToken,
            ["OS_ACCESS_KEY"] = "AK",
            ["OS_SECRET_KEY"] = "SK",
            ["OS_USERNAME"] = "u",
            ["OS_PASSWORD"] = "pw",
            ["OS_DOMAIN_NAME"] = "d",
        };
        var withoutToken = everything.Where(pair => pair.Key != "OS_TOKEN").ToDictionary();

        var first = Configuration(everything).BuildOptions(PropertyMap.Empty);
        var second = Configuration(withoutToken).BuildOptions(PropertyMap.Empty);

        Assert.Multiple(() =>
        {
            Assert.That((first.Token, first.AccessKey, first.Username, first.Password), Is.EqualTo((EnvironmentToken, (string?)null, (string?)null, (string?)null)));
            Assert.That((second.Token, second.AccessKey, second.SecretKey, second.Username), Is.EqualTo(((string?)null, "AK", "SK", (string?)null)));
            Assert.That(Configuration(everything).CheckConfig(PropertyMap.Empty, PropertyMap.Empty).Failures, Is.Empty);
        });
    }

    [Test]
    public void A_set_in_config_wins_over_a_preferred_set_in_the_environment()
    {
        var environment = new Dictionary<string, string> { ["OS_TOKEN"] = EnvironmentToken, ["OS_PASSWORD"] = "pw-env" };

        var options = Configuration(environment).BuildOptions(Props.Map(("region", "eu-de"), ("username", "u"), ("domainName", "d")));

        Assert.That((options.Username, options.Password, options.DomainName, options.Token), Is.EqualTo(("u", "pw-env", "d", (string?)null)),
            "the user name in config chooses the password set; its password still comes from the environment");
    }

    [Test]
    public void A_set_in_the_environment_wins_over_a_preferred_set_in_clouds_yaml()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", "clouds:\n  prod:\n    region_name: eu-de\n    auth:\n      token: file-token\n");
        var environment = new Dictionary<string, string> { ["OS_CLOUD"] = "prod", ["OS_AK"] = "AK", ["OS_SK"] = "SK" };

        var options = Configuration(environment, folders).BuildOptions(PropertyMap.Empty);

        Assert.That((options.AccessKey, options.SecretKey, options.Token), Is.EqualTo(("AK", "SK", (string?)null)));
    }

    [Test]
    public void Only_the_set_used_must_be_complete_and_the_error_says_what_is_missing_and_where_the_rest_came_from()
    {
        // AK/SK comes before the complete password set, so its missing half is reported rather than another identity used.
        var environment = new Dictionary<string, string>
        {
            ["OS_REGION_NAME"] = "eu-de",
            ["OS_ACCESS_KEY"] = "AK",
            ["OS_USERNAME"] = "u",
            ["OS_PASSWORD"] = "pw-env",
            ["OS_DOMAIN_NAME"] = "d",
        };

        var result = Configuration(environment).CheckConfig(PropertyMap.Empty, PropertyMap.Empty);

        Assert.That(result.Failures.Select(f => f.Property), Is.EqualTo(new[] { "secretKey" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("AK/SK authentication is incomplete").And.Contain("accessKey from OS_ACCESS_KEY").And.Contain("OS_SECRET_KEY"));
        Assert.That(result.Failures[0].Reason, Does.Not.Contain("pw-env"));
    }

    [Test]
    public void An_incomplete_set_from_clouds_yaml_names_the_cloud_and_file_but_no_value()
    {
        using var folders = new CloudsFolders();
        var path = folders.Write(folders.CurrentDirectory, "clouds.yaml", $"clouds:\n  prod:\n    region_name: eu-de\n    auth:\n      sk: {FileSecret}\n");

        var error = Assert.ThrowsAsync<MissingConfigurationException>(() =>
            Configuration(new Dictionary<string, string> { ["OS_CLOUD"] = "prod" }, folders).ConfigureAsync(PropertyMap.Empty, new SilentLog(), CancellationToken.None));
        var check = Configuration(new Dictionary<string, string> { ["OS_CLOUD"] = "prod" }, folders).CheckConfig(PropertyMap.Empty, PropertyMap.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Keys.Select(key => key.Name), Is.EqualTo(new[] { "accessKey" }));
            Assert.That(check.Failures.Single().Reason, Does.Contain($"secretKey from auth.sk of cloud 'prod' in {path}"));
            Assert.That(check.Failures.Single().Reason + error.Message, Does.Not.Contain(FileSecret));
        });
    }

    [Test]
    public void A_cloud_that_cannot_be_found_fails_on_the_cloud_key()
    {
        using var folders = new CloudsFolders();

        var result = Configuration(new Dictionary<string, string> { ["OS_REGION_NAME"] = "eu-de", ["OS_CLOUD"] = "prod" }, folders)
            .CheckConfig(PropertyMap.Empty, PropertyMap.Empty);

        Assert.That(result.Failures.Select(f => f.Property), Is.EqualTo(new[] { "cloud" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("OS_CLOUD").And.Contain("no clouds.yaml was found"));
    }

    [Test]
    public async Task Configure_logs_once_which_set_it_uses_and_from_where_never_a_value()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", $"clouds:\n  prod:\n    auth:\n      ak: AK-FILE\n      sk: {FileSecret}\n");
        var environment = new Dictionary<string, string>
        {
            ["OS_CLOUD"] = "prod",
            ["OS_REGION_NAME"] = "eu-de",
            ["OS_PROJECT_ID"] = "p-1",
            ["OTC_VPCEP_ENDPOINT"] = "http://127.0.0.1:9",
            ["OS_USERNAME"] = "u",
            ["OS_PASSWORD"] = FilePassword,
            ["OS_DOMAIN_NAME"] = "d",
            ["OS_AUTH_TOKEN"] = EnvironmentToken,
        };
        var log = new SilentLog();

        await Configuration(environment, folders).ConfigureAsync(PropertyMap.Empty, log, CancellationToken.None);

        var line = log.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.StartWith("otc: authenticating with token (token from OS_AUTH_TOKEN)"));
            Assert.That(line, Does.Contain("also present but not used: AK/SK (accessKey from auth.ak of cloud 'prod'").Or.Contain("AK/SK (auth.ak of cloud 'prod'"));
            Assert.That(line, Does.Contain("user name and password (OS_USERNAME, OS_PASSWORD)"));
            Assert.That(line, Does.Not.Contain(EnvironmentToken).And.Not.Contain(FileSecret).And.Not.Contain(FilePassword));
        });
    }

    [Test]
    public void Values_from_the_environment_and_clouds_yaml_never_reach_the_checked_config()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", $"clouds:\n  prod:\n    region_name: eu-de\n    auth:\n      ak: AK\n      sk: {FileSecret}\n");

        var result = Configuration(new Dictionary<string, string> { ["OS_CLOUD"] = "prod" }, folders).CheckConfig(PropertyMap.Empty, PropertyMap.Empty);

        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Inputs, Is.EqualTo(PropertyMap.Empty));
    }

    [Test]
    public void A_region_read_from_clouds_yaml_counts_for_the_providers_placement()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", "clouds:\n  prod:\n    region_name: eu-de\n    auth:\n      token: t\n");
        var configuration = Configuration(new Dictionary<string, string> { ["OS_CLOUD"] = "prod" }, folders);

        var (old, @new) = configuration.AlignForDiff(Props.Map(("region", "eu-de")), PropertyMap.Empty);

        Assert.That(@new.GetOrNull("region"), Is.EqualTo(old.GetOrNull("region")), "the region moved into clouds.yaml is no change");
    }
}
