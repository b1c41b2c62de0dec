using System.Net;
using System.Text;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>Gateway authentication over real HTTP: signed requests in both forms, tokens, skew and project binding.</summary>
public class AuthenticationTests
{
    private EmulatorSession _session = null!;

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    private async Task<ApiReply> SignedAsync(
        TestSigner signer,
        HttpMethod method,
        string path,
        string? body = null,
        DateTimeOffset? at = null,
        Action<HttpRequestMessage>? afterSigning = null,
        string? projectHeader = EmulatorAccounts.DefaultProjectId)
    {
        using var request = new HttpRequestMessage(method, new Uri(_session.Emulator.BaseUrl, path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (projectHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Project-Id", projectHeader);
        }

        await signer.SignAsync(request, at ?? DateTimeOffset.UtcNow);
        afterSigning?.Invoke(request);
        return await EmulatorSession.ReadAsync(await _session.Http.SendAsync(request));
    }

    private static TestSigner Permanent(bool credentialForm = false) =>
        new(EmulatorAccounts.AccessKey, EmulatorAccounts.SecretKey, credentialForm);

    private const string CreateBody = """{"port_id":"p-1","vpc_id":"v-1","server_type":"VM","ports":[{"client_port":80,"server_port":80}]}""";

    [TestCase(false)]
    [TestCase(true)]
    public async Task Signed_create_and_list_succeed_in_both_authorization_forms(bool credentialForm)
    {
        var created = await SignedAsync(Permanent(credentialForm), HttpMethod.Post, _session.ServicesPath, CreateBody);
        var listed = await SignedAsync(Permanent(credentialForm), HttpMethod.Get, _session.ServicesPath + "?limit=5&endpoint_service_name=eu-de");

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Json?.ToJsonString());
        Assert.That(listed.Status, Is.EqualTo(HttpStatusCode.OK), listed.Json?.ToJsonString());
        Assert.That(listed.Body["total_count"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Signing_only_the_date_header_is_enough()
    {
        var signer = new TestSigner(EmulatorAccounts.AccessKey, EmulatorAccounts.SecretKey) { ExtraSignedHeaders = [] };

        var reply = await SignedAsync(signer, HttpMethod.Get, _session.ServicesPath);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_body_with_one_byte_changed_after_signing_is_refused()
    {
        var reply = await SignedAsync(Permanent(), HttpMethod.Post, _session.ServicesPath, CreateBody, afterSigning: request =>
            request.Content = new StringContent(CreateBody.Replace("\"v-1\"", "\"v-2\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(reply.ErrorCode, Is.EqualTo("APIGW.0301"));
        Assert.That(reply.Body["request_id"]!.GetValue<string>(), Is.EqualTo(reply.Headers.GetValues("X-Request-Id").Single()));
    }

    [Test]
    public async Task A_declared_unsigned_payload_hash_is_used_instead_of_the_body()
    {
        // The signer hashed an empty body; declaring the hash header lets the server trust the declared value.
        var reply = await SignedAsync(Permanent(), HttpMethod.Get, _session.ServicesPath, afterSigning: request =>
            request.Headers.TryAddWithoutValidation("X-Sdk-Content-Sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(16)]
    [TestCase(-16)]
    [TestCase(60)]
    public async Task A_date_more_than_fifteen_minutes_off_is_refused_with_0303(int minutesOff)
    {
        var reply = await SignedAsync(Permanent(), HttpMethod.Get, _session.ServicesPath, at: DateTimeOffset.UtcNow.AddMinutes(minutesOff));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(reply.ErrorCode, Is.EqualTo("APIGW.0303"));
    }

    [Test]
    public async Task A_date_fourteen_minutes_off_is_still_accepted()
    {
        var reply = await SignedAsync(Permanent(), HttpMethod.Get, _session.ServicesPath, at: DateTimeOffset.UtcNow.AddMinutes(-14));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Skew_is_measured_against_the_emulator_clock()
    {
        _session.Clock.Advance(TimeSpan.FromMinutes(30));

        var reply = await SignedAsync(Permanent(), HttpMethod.Get, _session.ServicesPath);

        Assert.That(reply.ErrorCode, Is.EqualTo("APIGW.0303"));
    }

    [Test]
    public async Task Unknown_access_key_and_wrong_secret_are_refused_with_0301()
    {
        var unknown = await SignedAsync(new TestSigner("NOSUCHKEY", EmulatorAccounts.SecretKey), HttpMethod.Get, _session.ServicesPath);
        var wrongSecret = await SignedAsync(new TestSigner(EmulatorAccounts.AccessKey, "not-the-secret"), HttpMethod.Get, _session.ServicesPath);

        Assert.That(unknown.ErrorCode, Is.EqualTo("APIGW.0301"));
        Assert.That(wrongSecret.ErrorCode, Is.EqualTo("APIGW.0301"));
        Assert.That(wrongSecret.Body["error_msg"]!.GetValue<string>(), Does.Not.Contain(EmulatorAccounts.SecretKey));
    }

    [Test]
    public async Task A_temporary_key_needs_its_security_token()
    {
        var signer = new TestSigner(EmulatorAccounts.TemporaryAccessKey, EmulatorAccounts.TemporarySecretKey);

        var without = await SignedAsync(signer, HttpMethod.Get, _session.ServicesPath);
        var wrong = await SignedAsync(signer, HttpMethod.Get, _session.ServicesPath, afterSigning: request =>
            request.Headers.TryAddWithoutValidation("X-Security-Token", "something-else"));
        var with = await SignedAsync(signer, HttpMethod.Get, _session.ServicesPath, afterSigning: request =>
            request.Headers.TryAddWithoutValidation("X-Security-Token", EmulatorAccounts.SecurityToken));

        Assert.That(without.ErrorCode, Is.EqualTo("APIGW.0301"));
        Assert.That(wrong.ErrorCode, Is.EqualTo("APIGW.0301"));
        Assert.That(with.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_signed_request_for_another_project_than_its_header_is_forbidden()
    {
        var reply = await SignedAsync(Permanent(), HttpMethod.Get, $"/v1/{EmulatorAccounts.OtherProjectId}/vpc-endpoint-services");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(reply.ErrorCode, Is.EqualTo("EndPoint.0004"));
    }

    [Test]
    public async Task A_project_header_outside_the_keys_domain_is_refused()
    {
        var reply = await SignedAsync(Permanent(), HttpMethod.Get, $"/v1/{EmulatorAccounts.ForeignProjectId}/vpc-endpoint-services", projectHeader: EmulatorAccounts.ForeignProjectId);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(reply.ErrorCode, Is.EqualTo("APIGW.0301"));
    }

    [Test]
    public async Task The_foreign_key_works_on_its_own_project()
    {
        var signer = new TestSigner(EmulatorAccounts.ForeignAccessKey, EmulatorAccounts.ForeignSecretKey, credentialForm: true);

        var reply = await SignedAsync(signer, HttpMethod.Get, $"/v1/{EmulatorAccounts.ForeignProjectId}/vpc-endpoint-services", projectHeader: EmulatorAccounts.ForeignProjectId);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Without_a_project_header_the_path_project_of_the_keys_domain_is_used()
    {
        var own = await SignedAsync(Permanent(), HttpMethod.Get, $"/v1/{EmulatorAccounts.OtherProjectId}/vpc-endpoint-services", projectHeader: null);
        var foreign = await SignedAsync(Permanent(), HttpMethod.Get, $"/v1/{EmulatorAccounts.ForeignProjectId}/vpc-endpoint-services", projectHeader: null);

        Assert.That(own.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(foreign.Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_token_for_another_project_is_forbidden_and_a_missing_credential_is_unauthenticated()
    {
        var otherProject = await _session.GetAsync($"/v1/{EmulatorAccounts.OtherProjectId}/vpc-endpoint-services");
        using var anonymous = await _session.Http.GetAsync(_session.ServicesPath);
        var unknownToken = await WithTokenAsync("not-a-token");

        Assert.That(otherProject.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unknownToken.ErrorCode, Is.EqualTo("APIGW.0301"));
    }

    [Test]
    public async Task Every_response_carries_a_request_id()
    {
        using var version = await _session.Http.GetAsync("/");
        var notFound = await _session.GetAsync(_session.ServicesPath + "/nope");

        Assert.That(version.Headers.GetValues("X-Request-Id").Single(), Is.Not.Empty);
        Assert.That(notFound.Headers.GetValues("X-Request-Id").Single(), Is.Not.Empty);
    }

    private async Task<ApiReply> WithTokenAsync(string token)
    {
        _session.Token = token;
        return await _session.GetAsync(_session.ServicesPath);
    }
}
