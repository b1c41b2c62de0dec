using Otc.CloudClient;
using Otc.EmulatorHarness;

namespace Otc.CloudClient.Tests.Logic;

/// <summary>clouds.yaml as OpenStack tools read it: the search path, secure.yaml, clouds-public.yaml profiles, the keys OTC's tools write.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CloudEntryTests
{
    private const string SecretValue = "sk-from-a-file-0123";

    private const string Prod = """
        clouds:
          prod:
            region_name: eu-nl
            auth:
              auth_url: https://iam.eu-nl.otc.t-systems.com/v3
              username: alice
              password: pw-from-a-file
              project_name: eu-nl_shop
              user_domain_name: OTC-EU-NL-0001
          other:
            auth:
              token: tok
        """;

    [Test]
    public void A_clouds_yaml_in_the_current_directory_is_read_with_the_keys_of_the_named_cloud()
    {
        using var folders = new CloudsFolders();
        var path = folders.Write(folders.CurrentDirectory, "clouds.yaml", Prod);

        var cloud = CloudEntry.Load("prod", folders.Files());

        Assert.Multiple(() =>
        {
            Assert.That(cloud.Origin, Is.EqualTo(path));
            Assert.That(cloud.Region, Is.EqualTo(new CloudSetting("eu-nl", "region_name")));
            Assert.That(cloud.AuthUrl?.Value, Is.EqualTo("https://iam.eu-nl.otc.t-systems.com/v3"));
            Assert.That(cloud.Username?.Value, Is.EqualTo("alice"));
            Assert.That(cloud.Password?.Value, Is.EqualTo("pw-from-a-file"));
            Assert.That(cloud.ProjectName?.Value, Is.EqualTo("eu-nl_shop"));
            Assert.That(cloud.DomainName, Is.EqualTo(new CloudSetting("OTC-EU-NL-0001", "auth.user_domain_name")));
            Assert.That(cloud.Token, Is.Null);
        });
    }

    [Test]
    public void The_users_config_directory_is_searched_after_the_current_one()
    {
        using var folders = new CloudsFolders();
        var inHome = folders.Write(folders.UserConfigDirectory, "clouds.yml", Prod);

        Assert.That(CloudEntry.Load("prod", folders.Files()).Origin, Is.EqualTo(inHome));

        var inCurrent = folders.Write(folders.CurrentDirectory, "clouds.yaml", Prod);
        Assert.That(CloudEntry.Load("prod", folders.Files()).Origin, Is.EqualTo(inCurrent));
    }

    [Test]
    public void OS_CLIENT_CONFIG_FILE_names_the_file_before_the_search_path()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", Prod);
        var named = folders.Write(folders.HomeDirectory, "elsewhere.yaml", "clouds:\n  prod:\n    region_name: eu-ch2\n");

        var cloud = CloudEntry.Load("prod", folders.Files(new Dictionary<string, string> { [CloudsFiles.ConfigFileVariable] = named }));

        Assert.That((cloud.Origin, cloud.Region?.Value), Is.EqualTo((named, "eu-ch2")));
    }

    [Test]
    public void A_json_clouds_file_is_read_too()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.json", """{"clouds": {"prod": {"auth": {"ak": "AK", "sk": "SK"}}}}""");

        var cloud = CloudEntry.Load("prod", folders.Files());

        Assert.That((cloud.AccessKey?.Value, cloud.SecretKey?.Value), Is.EqualTo(("AK", "SK")));
    }

    [Test]
    public void Secure_yaml_adds_the_secrets_and_wins_where_both_files_have_a_key()
    {
        using var folders = new CloudsFolders();
        var clouds = folders.Write(folders.CurrentDirectory, "clouds.yaml", "clouds:\n  prod:\n    auth:\n      ak: AK\n      project_name: from-clouds\n");
        var secure = folders.Write(folders.UserConfigDirectory, "secure.yaml", $"clouds:\n  prod:\n    auth:\n      sk: {SecretValue}\n      project_name: from-secure\n");

        var cloud = CloudEntry.Load("prod", folders.Files());

        Assert.Multiple(() =>
        {
            Assert.That(cloud.AccessKey?.Value, Is.EqualTo("AK"));
            Assert.That(cloud.SecretKey?.Value, Is.EqualTo(SecretValue));
            Assert.That(cloud.ProjectName?.Value, Is.EqualTo("from-secure"));
            Assert.That(cloud.Origin, Is.EqualTo($"{clouds} + {secure}"));
        });
    }

    [TestCase("profile")]
    [TestCase("cloud")]
    public void A_clouds_public_profile_lies_underneath_the_entry(string profileKey)
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", $"clouds:\n  prod:\n    {profileKey}: tsi\n    region_name: eu-de\n    auth:\n      token: tok\n");
        folders.Write(folders.CurrentDirectory, "clouds-public.yaml",
            "public-clouds:\n  tsi:\n    region_name: eu-nl\n    verify: false\n    auth:\n      auth_url: https://iam.{region_name}.otc.t-systems.com/v3\n");

        var cloud = CloudEntry.Load("prod", folders.Files());

        Assert.Multiple(() =>
        {
            Assert.That(cloud.Region?.Value, Is.EqualTo("eu-de"), "the entry's own value wins over the profile's");
            Assert.That(cloud.AuthUrl?.Value, Is.EqualTo("https://iam.eu-de.otc.t-systems.com/v3"), "the region fills the placeholder");
            Assert.That(cloud.Insecure, Is.EqualTo(new CloudSetting("true", "verify")));
            Assert.That(cloud.Token?.Value, Is.EqualTo("tok"));
        });
    }

    [Test]
    public void The_otc_profile_needs_no_clouds_public_file_but_another_profile_does()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", "clouds:\n  a:\n    profile: otc\n    region_name: eu-de\n  b:\n    profile: nowhere\n");

        Assert.That(CloudEntry.Load("a", folders.Files()).Region?.Value, Is.EqualTo("eu-de"));
        var error = Assert.Throws<OtcConfigurationException>(() => CloudEntry.Load("b", folders.Files()));
        Assert.That(error!.Message, Does.Contain("'nowhere'").And.Contain("clouds-public.yaml"));
    }

    [Test]
    public void Access_key_spellings_tenant_names_and_the_region_from_the_project_name()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml",
            "clouds:\n  prod:\n    auth:\n      access_key: AK\n      secret_key: SK\n      security_token: ST\n      tenant_name: eu-de_shop\n      tenant_id: p-1\n      domain_name: D\n      project_domain_name: PD\n");

        var cloud = CloudEntry.Load("prod", folders.Files());

        Assert.Multiple(() =>
        {
            Assert.That((cloud.AccessKey?.Value, cloud.SecretKey?.Value, cloud.SecurityToken?.Value), Is.EqualTo(("AK", "SK", "ST")));
            Assert.That((cloud.ProjectName?.Value, cloud.ProjectId?.Value), Is.EqualTo(("eu-de_shop", "p-1")));
            Assert.That(cloud.Region, Is.EqualTo(new CloudSetting("eu-de", "auth.tenant_name")));
            Assert.That(cloud.DomainName?.Value, Is.EqualTo("D"), "domain_name first, as the Terraform OTC provider reads it");
        });
    }

    [Test]
    public void An_unknown_cloud_names_the_file_and_the_clouds_it_has()
    {
        using var folders = new CloudsFolders();
        var path = folders.Write(folders.CurrentDirectory, "clouds.yaml", Prod);

        var error = Assert.Throws<OtcConfigurationException>(() => CloudEntry.Load("staging", folders.Files()));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("'staging'").And.Contain("'other', 'prod'"));
        Assert.That(error.Message, Does.Not.Contain("pw-from-a-file"));
    }

    [Test]
    public void Without_any_clouds_yaml_the_error_lists_where_it_looked()
    {
        using var folders = new CloudsFolders();

        var error = Assert.Throws<OtcConfigurationException>(() => CloudEntry.Load("prod", folders.Files()));

        Assert.That(error!.Message, Does.Contain(Path.Combine(folders.CurrentDirectory, "clouds.yaml"))
            .And.Contain(Path.Combine(folders.UserConfigDirectory, "clouds.yaml"))
            .And.Contain("/etc/openstack/clouds.yaml"));
    }

    [Test]
    public void A_file_that_is_not_yaml_is_reported_by_position_without_its_text()
    {
        using var folders = new CloudsFolders();
        folders.Write(folders.CurrentDirectory, "clouds.yaml", $"clouds:\n  prod:\n    auth:\n      sk: \"{SecretValue}\n      ak: [unclosed\n");

        var error = Assert.Throws<OtcConfigurationException>(() => CloudEntry.Load("prod", folders.Files()));

        Assert.That(error!.Message, Does.Contain("is not valid YAML (line").And.Not.Contain(SecretValue));
    }
}
