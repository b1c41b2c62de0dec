using System.Text;
using Otc.CloudClient;

namespace Otc.CloudClient.Tests.Signing;

/// <summary>The signer against the published SDK-HMAC-SHA256 vectors (reference §3.2).</summary>
public sealed class PublishedVectorTests
{
    [Test]
    public void Huawei_guide_example_matches_hashed_canonical_request_and_signature()
    {
        var uri = new Uri("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["Host"] = "service.region.example.com",
            ["X-Sdk-Date"] = "20191115T033655Z",
        };

        var canonical = AkSkSigner.CanonicalRequest("GET", uri, headers, []);
        var authorization = AkSkSigner.Authorization("QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", "GET", uri, headers, []);

        Assert.Multiple(() =>
        {
            Assert.That(canonical.Split('\n')[1], Is.EqualTo("/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/"), "trailing-slash rule");
            Assert.That(AkSkSigner.HexSha256(Encoding.UTF8.GetBytes(canonical)), Is.EqualTo("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"));
            Assert.That(authorization, Is.EqualTo(
                "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, "
                + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"));
        });
    }

    [Test]
    public void Go_sdk_case_1_get_with_only_the_date_signed()
    {
        var uri = new Uri("https://example.huaweicloud.com/path?limit=1");
        var headers = new Dictionary<string, string> { ["X-Sdk-Date"] = "20060102T150405Z" };

        var authorization = AkSkSigner.Authorization("AccessKey", "SecretKey", "GET", uri, headers, []);

        Assert.That(authorization, Is.EqualTo(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"));
    }

    [Test]
    public void Go_sdk_case_2_hashes_the_exact_body_bytes_including_the_trailing_newline()
    {
        var uri = new Uri("https://example.huaweicloud.com/path?key=value");
        var headers = new Dictionary<string, string> { ["X-Sdk-Date"] = "20060102T150405Z" };
        var sentBytes = Encoding.UTF8.GetBytes("{\"Name\":\"test\",\"Id\":1}\n");
        var withoutNewline = Encoding.UTF8.GetBytes("{\"Name\":\"test\",\"Id\":1}");

        var authorization = AkSkSigner.Authorization("AccessKey", "SecretKey", "POST", uri, headers, sentBytes);
        var unfaithful = AkSkSigner.Authorization("AccessKey", "SecretKey", "POST", uri, headers, withoutNewline);

        Assert.Multiple(() =>
        {
            Assert.That(authorization, Does.EndWith("Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"));
            Assert.That(unfaithful, Does.Not.EndWith("Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"));
        });
    }

    [Test]
    public void Put_vector_on_a_vpcep_service_path()
    {
        var uri = new Uri("https://vpcep.eu-de.otc.t-systems.com/v1/0123456789abcdef0123456789abcdef/vpc-endpoint-services/4189d3c2-8882-4871-a3c2-d380272eed83");
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["Host"] = "vpcep.eu-de.otc.t-systems.com",
            ["X-Sdk-Date"] = "20240102T030405Z",
        };
        var body = Encoding.UTF8.GetBytes("{\"approval_enabled\":true,\"service_name\":\"test\"}");

        var canonical = AkSkSigner.CanonicalRequest("PUT", uri, headers, body);
        var authorization = AkSkSigner.Authorization("AccessKey", "SecretKey", "PUT", uri, headers, body);

        Assert.Multiple(() =>
        {
            Assert.That(AkSkSigner.HexSha256(Encoding.UTF8.GetBytes(canonical)), Is.EqualTo("e276f990d4638b4964733c5160b1244c50e0ed7d1349c1017e80f5308c2318db"));
            Assert.That(authorization, Is.EqualTo(
                "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-sdk-date, "
                + "Signature=9197741a89a0d91c567c43e2527a5e0aaef7e94d36cab896efab75e32086b358"));
        });
    }
}
