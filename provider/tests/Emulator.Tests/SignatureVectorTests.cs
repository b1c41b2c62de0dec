using System.Text;
using Otc.Emulator.Auth;

namespace Otc.Emulator.Tests;

/// <summary>Published and reference signing vectors, checked by the emulator's own verifier.</summary>
public class SignatureVectorTests
{
    private static SignedRequest Request(string method, string rawPath, string rawQuery, string body, params (string Name, string Value)[] headers) =>
        new(method, rawPath, rawQuery, headers.ToDictionary(header => header.Name, header => header.Value, StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));

    private static AuthorizationHeader Parse(string value) =>
        AuthorizationHeader.TryParse(value) ?? throw new AssertionException($"Could not parse '{value}'.");

    [Test]
    public void Huawei_signing_guide_example_is_accepted_and_its_canonical_request_hash_matches()
    {
        var request = Request(
            "GET",
            "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
            "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            string.Empty,
            ("Content-Type", "application/json"),
            ("Host", "service.region.example.com"),
            ("X-Sdk-Date", "20191115T033655Z"));
        var authorization = Parse("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");

        var canonical = SignatureVerifier.CanonicalRequestOf(request, authorization);

        Assert.That(SdkSignature.Sha256Hex(canonical), Is.EqualTo("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"));
        Assert.That(canonical, Does.Contain("/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"));
        Assert.That(SignatureVerifier.IsValid(request, authorization, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"), Is.True);
        Assert.That(SignatureVerifier.IsValid(request, authorization, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHd"), Is.False);
    }

    [Test]
    public void Go_sdk_vector_with_only_the_date_signed_is_accepted()
    {
        var request = Request("GET", "/path", "limit=1", string.Empty, ("Host", "example.huaweicloud.com"), ("X-Sdk-Date", "20060102T150405Z"));
        var authorization = Parse("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624");

        Assert.That(SignatureVerifier.IsValid(request, authorization, "SecretKey"), Is.True);
    }

    [Test]
    public void Go_sdk_post_vector_covers_the_exact_body_bytes_including_the_trailing_newline()
    {
        var authorization = Parse("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59");
        var exact = Request("POST", "/path", "key=value", "{\"Name\":\"test\",\"Id\":1}\n", ("X-Sdk-Date", "20060102T150405Z"));
        var withoutNewline = exact with { Body = Encoding.UTF8.GetBytes("{\"Name\":\"test\",\"Id\":1}") };

        Assert.That(SignatureVerifier.IsValid(exact, authorization, "SecretKey"), Is.True);
        Assert.That(SignatureVerifier.IsValid(withoutNewline, authorization, "SecretKey"), Is.False);
    }

    [Test]
    public void Go_sdk_query_vector_is_sorted_and_encoded()
    {
        var raw = "test=" + Uri.EscapeDataString("一 (&=?!#%.*)") + "&limit=1&path=%2Ftmp%2F123&multi=3&multi=1&multi=2&enable=true";

        Assert.That(
            SdkSignature.CanonicalQuery(raw),
            Is.EqualTo("enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"));
    }

    [Test]
    public void Reference_put_vector_for_a_vpcep_modify_is_accepted()
    {
        var request = Request(
            "PUT",
            "/v1/0123456789abcdef0123456789abcdef/vpc-endpoint-services/4189d3c2-8882-4871-a3c2-d380272eed83",
            string.Empty,
            "{\"approval_enabled\":true,\"service_name\":\"test\"}",
            ("Content-Type", "application/json"),
            ("Host", "vpcep.eu-de.otc.t-systems.com"),
            ("X-Sdk-Date", "20240102T030405Z"));
        var authorization = Parse("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-sdk-date, Signature=9197741a89a0d91c567c43e2527a5e0aaef7e94d36cab896efab75e32086b358");

        Assert.That(SdkSignature.Sha256Hex(SignatureVerifier.CanonicalRequestOf(request, authorization)), Is.EqualTo("e276f990d4638b4964733c5160b1244c50e0ed7d1349c1017e80f5308c2318db"));
        Assert.That(SignatureVerifier.IsValid(request, authorization, "SecretKey"), Is.True);
    }

    [Test]
    public void Credential_form_vector_with_derived_key_is_accepted()
    {
        var request = Request(
            "GET",
            "/v1/0123456789abcdef0123456789abcdef/vpc-endpoint-services",
            "limit=10",
            string.Empty,
            ("Host", "vpcep.eu-de.otc.t-systems.com"),
            ("X-Sdk-Date", "20240102T030405Z"));
        var authorization = Parse("SDK-HMAC-SHA256 Credential=AccessKey/20240102///sdk_request, SignedHeaders=host;x-sdk-date, Signature=f5c709d8fb1b174b62e09293d1d91880eb2a8976605658b43f25bea85b08c6d4");

        Assert.That(authorization.Scope, Is.EqualTo(new CredentialScope("20240102", string.Empty, string.Empty)));
        Assert.That(SignatureVerifier.IsValid(request, authorization, "SecretKey"), Is.True);
        Assert.That(SignatureVerifier.IsValid(request with { RawQuery = "limit=11" }, authorization, "SecretKey"), Is.False);
    }

    [TestCase("SDK-HMAC-SHA256 SignedHeaders=x-sdk-date, Signature=00")]
    [TestCase("SDK-HMAC-SHA256 Access=AK, Signature=00")]
    [TestCase("AWS4-HMAC-SHA256 Credential=AK/20240102/r/s/aws4_request, SignedHeaders=host, Signature=00")]
    [TestCase("SDK-HMAC-SHA256 Credential=AK/20240102/r/s, SignedHeaders=host, Signature=00")]
    public void Malformed_authorization_headers_are_not_parsed(string value)
    {
        Assert.That(AuthorizationHeader.TryParse(value), Is.Null);
    }
}
