using Otc.CloudClient;

namespace Otc.CloudClient.Tests.Logic;

public sealed class OptionsValidatorTests
{
    [Test]
    public void Access_key_pair_selects_signing()
    {
        Assert.That(OptionsValidator.Validate(new OtcClientOptions { Region = "eu-de", AccessKey = "ak", SecretKey = "sk" }), Is.EqualTo(AuthMode.AccessKey));
    }

    [Test]
    public void User_password_and_domain_select_password_tokens()
    {
        var options = new OtcClientOptions { Region = "eu-de", Username = "u", Password = "p", DomainName = "d" };

        Assert.That(OptionsValidator.Validate(options), Is.EqualTo(AuthMode.Password));
    }

    [Test]
    public void Token_alone_selects_the_static_token()
    {
        Assert.That(OptionsValidator.Validate(new OtcClientOptions { Region = "eu-de", Token = "t" }), Is.EqualTo(AuthMode.StaticToken));
    }

    [Test]
    public void No_credentials_names_every_credential_key()
    {
        var error = Assert.Throws<OtcConfigurationException>(() => OptionsValidator.Validate(new OtcClientOptions { Region = "eu-de" }));

        Assert.That(error!.OptionKeys, Is.SupersetOf(new[] { "AccessKey", "SecretKey", "Username", "Password", "DomainName", "Token" }));
    }

    [Test]
    public void Several_sets_are_taken_in_the_terraform_providers_order_token_then_access_keys_then_password()
    {
        var all = new OtcClientOptions
        {
            Region = "eu-de",
            AccessKey = "ak",
            SecretKey = "sk",
            Username = "u",
            Password = "p",
            DomainName = "d",
            Token = "t",
        };

        Assert.Multiple(() =>
        {
            Assert.That(OptionsValidator.Validate(all), Is.EqualTo(AuthMode.StaticToken));
            Assert.That(OptionsValidator.Validate(new OtcClientOptions { Region = "eu-de", AccessKey = "ak", SecretKey = "sk", Username = "u", Password = "p", DomainName = "d" }),
                Is.EqualTo(AuthMode.AccessKey));
        });
    }

    [Test]
    public void Only_the_set_used_must_be_complete_and_its_error_names_what_is_missing_without_values()
    {
        // AK/SK comes before a complete password set, so its missing half is the error, not a silent switch of identity.
        var options = new OtcClientOptions { Region = "eu-de", AccessKey = "ak-value", Username = "u", Password = "pw-value", DomainName = "d" };

        var error = Assert.Throws<OtcConfigurationException>(() => OptionsValidator.Validate(options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.OptionKeys, Is.EqualTo(new[] { "SecretKey" }));
            Assert.That(error.Message, Does.Contain("AK/SK authentication is incomplete").And.Contain("AccessKey is set"));
            Assert.That(error.Message, Does.Not.Contain("ak-value").And.Not.Contain("pw-value"));
        });
    }

    [TestCase("ak", null, "SecretKey")]
    [TestCase(null, "sk", "AccessKey")]
    public void Half_a_key_pair_names_the_missing_half(string? accessKey, string? secretKey, string missing)
    {
        var options = new OtcClientOptions { Region = "eu-de", AccessKey = accessKey, SecretKey = secretKey };

        var error = Assert.Throws<OtcConfigurationException>(() => OptionsValidator.Validate(options));

        Assert.That(error!.OptionKeys, Is.EqualTo(new[] { missing }));
    }

    [Test]
    public void Password_without_domain_names_the_domain()
    {
        var error = Assert.Throws<OtcConfigurationException>(() =>
            OptionsValidator.Validate(new OtcClientOptions { Region = "eu-de", Username = "u", Password = "p" }));

        Assert.That(error!.OptionKeys, Is.EqualTo(new[] { "DomainName" }));
    }

    [Test]
    public void Security_token_without_keys_is_an_incomplete_access_key_set()
    {
        var error = Assert.Throws<OtcConfigurationException>(() =>
            OptionsValidator.Validate(new OtcClientOptions { Region = "eu-de", SecurityToken = "st" }));

        Assert.That(error!.OptionKeys, Is.EqualTo(new[] { "AccessKey", "SecretKey" }));
    }

    [Test]
    public void Missing_region_is_named()
    {
        var error = Assert.Throws<OtcConfigurationException>(() => OptionsValidator.Validate(new OtcClientOptions { Region = " ", Token = "t" }));

        Assert.That(error!.OptionKeys, Is.EqualTo(new[] { "Region" }));
    }

    [Test]
    public void Options_text_shows_presence_but_never_secret_values()
    {
        var options = new OtcClientOptions
        {
            Region = "eu-de",
            AccessKey = "AK-VALUE-1",
            SecretKey = "SK-VALUE-2",
            SecurityToken = "ST-VALUE-3",
            Password = "PW-VALUE-4",
            Token = "TK-VALUE-5",
        };

        var text = options.ToString();

        Assert.Multiple(() =>
        {
            foreach (var secret in new[] { "AK-VALUE-1", "SK-VALUE-2", "ST-VALUE-3", "PW-VALUE-4", "TK-VALUE-5" })
            {
                Assert.That(text, Does.Not.Contain(secret));
            }

            Assert.That(text, Does.Contain("SecretKey = <set>"));
        });
    }
}
