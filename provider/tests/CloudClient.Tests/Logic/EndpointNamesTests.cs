using Otc.CloudClient;

namespace Otc.CloudClient.Tests.Logic;

public sealed class EndpointNamesTests
{
    private const string Project = "0123456789abcdef0123456789abcdef";

    [TestCase("https://vpcep.eu-de.otc.t-systems.com/v1/$(tenant_id)s")]
    [TestCase("https://vpcep.eu-de.otc.t-systems.com/v1/0123456789abcdef0123456789abcdef")]
    [TestCase("https://vpcep.eu-de.otc.t-systems.com/v1")]
    [TestCase("https://vpcep.eu-de.otc.t-systems.com/")]
    [TestCase("https://vpcep.eu-de.otc.t-systems.com")]
    public void Catalog_and_override_forms_become_the_project_base(string endpoint)
    {
        Assert.That(EndpointNames.VpcepBase(endpoint, Project).AbsoluteUri, Is.EqualTo($"https://vpcep.eu-de.otc.t-systems.com/v1/{Project}/"));
    }

    [Test]
    public void A_gateway_path_prefix_before_the_version_is_kept()
    {
        Assert.That(EndpointNames.VpcepBase("http://127.0.0.1:8080/gw/v1/x", Project).AbsoluteUri, Is.EqualTo($"http://127.0.0.1:8080/gw/v1/{Project}/"));
    }

    [Test]
    public void Defaults_follow_the_region()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EndpointNames.DefaultVpcep("eu-nl"), Is.EqualTo("https://vpcep.eu-nl.otc.t-systems.com"));
            Assert.That(EndpointNames.DefaultIam("eu-de").AbsoluteUri, Is.EqualTo("https://iam.eu-de.otc.t-systems.com/v3"));
            Assert.That(EndpointNames.DefaultIam("eu-ch2").Host, Is.EqualTo("iam-pub.eu-ch2.sc.otc.t-systems.com"));
        });
    }

    [Test]
    public void A_relative_override_is_a_configuration_error_naming_the_key()
    {
        var error = Assert.Throws<OtcConfigurationException>(() => EndpointNames.VpcepBase("vpcep.local", Project));

        Assert.That(error!.OptionKeys, Is.EqualTo(new[] { "VpcepEndpoint" }));
    }
}
