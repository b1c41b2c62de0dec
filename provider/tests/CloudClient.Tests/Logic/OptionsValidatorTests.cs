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
    public void Two_credential_sets_are_contradictory_and_both_are_named()
    {
        var options = new OtcClientOptions { Region = "eu-de", AccessKey = "ak", SecretKey = "secret-value", Token = "token-value" };

        var error = Assert.Throws<OtcConfigurationException>(() => OptionsValidator.Validate(options));

        Assert.Multiple(() =>
        {
            Assert.That(error!.OptionKeys, Is.EquivalentTo(new[] { "AccessKey", "SecretKey", "Token" }));
            Assert.That(error.Message, Does.Contain("Contradictory"));
            Assert.That(error.Message, Does.Not.Contain("secret-value").And.Not.Contain("token-value"));
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
    public void Security_token_without_keys_is_rejected()
    {
        var error = Assert.Throws<OtcConfigurationException>(() =>
            OptionsValidator.Validate(new OtcClientOptions { Region = "eu-de", Token = "t", SecurityToken = "st" }));

        Assert.That(error!.OptionKeys, Does.Contain("SecurityToken"));
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
