using System.Net;
using System.Text;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>The IAM v3 subset: password tokens, token expiry, project lookup and catalog.</summary>
public class IamTests
{
    private EmulatorSession _session = null!;

    [SetUp]
    public async Task StartAsync() => _session = await EmulatorSession.StartAsync(options => new EmulatorOptions
    {
        Clock = options.Clock,
        TokenLifetime = TimeSpan.FromMinutes(5),
    });

    [TearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    private Task<HttpResponseMessage> LoginAsync(string password, object scope) => _session.LoginAsync(password, scope);

    [Test]
    public async Task Password_login_by_project_name_issues_a_token_with_project_and_vpcep_catalog()
    {
        using var response = await LoginAsync(EmulatorAccounts.Password, new { project = new { name = EmulatorAccounts.DefaultProjectName } });
        var token = response.Headers.GetValues("X-Subject-Token").Single();
        var reply = await EmulatorSession.ReadAsync(response);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(reply.Body["token"]!["project"]!["id"]!.GetValue<string>(), Is.EqualTo(EmulatorAccounts.DefaultProjectId));
        var vpcep = reply.Body["token"]!["catalog"]!.AsArray().Single(entry => entry!["type"]!.GetValue<string>() == "vpcep")!;
        var baseUrl = _session.Emulator.BaseUrl.GetLeftPart(UriPartial.Authority);
        Assert.That(vpcep["endpoints"]![0]!["url"]!.GetValue<string>(), Is.EqualTo($"{baseUrl}/v1/{EmulatorAccounts.DefaultProjectId}"));

        _session.Token = token;
        Assert.That((await _session.GetAsync(_session.ServicesPath)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_by_project_id_scopes_the_token_to_that_project()
    {
        using var response = await LoginAsync(EmulatorAccounts.Password, new { project = new { id = EmulatorAccounts.OtherProjectId } });
        _session.Token = response.Headers.GetValues("X-Subject-Token").Single();

        var own = await _session.GetAsync($"/v1/{EmulatorAccounts.OtherProjectId}/vpc-endpoint-services");
        var other = await _session.GetAsync(_session.ServicesPath);

        Assert.That(own.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_wrong_password_gets_a_keystone_shaped_401_without_echoing_the_password()
    {
        using var response = await LoginAsync("wrong-password-123", new { project = new { name = EmulatorAccounts.DefaultProjectName } });
        var reply = await EmulatorSession.ReadAsync(response);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(reply.Body["error"]!["code"]!.GetValue<int>(), Is.EqualTo(401));
        Assert.That(reply.Body["error"]!["title"]!.GetValue<string>(), Is.EqualTo("Unauthorized"));
        Assert.That(reply.Json!.ToJsonString(), Does.Not.Contain("wrong-password-123"));
        Assert.That(_session.Emulator.Journal.Entries.Single().Body, Does.Not.Contain("wrong-password-123"));
    }

    [Test]
    public async Task An_issued_token_expires_after_its_lifetime()
    {
        using var response = await LoginAsync(EmulatorAccounts.Password, new { project = new { name = EmulatorAccounts.DefaultProjectName } });
        _session.Token = response.Headers.GetValues("X-Subject-Token").Single();

        var fresh = await _session.GetAsync(_session.ServicesPath);
        _session.Clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await _session.GetAsync(_session.ServicesPath);

        Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(expired.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(expired.ErrorCode, Is.EqualTo("APIGW.0301"));
    }

    [Test]
    public async Task Revoking_issued_tokens_refuses_them_with_401_while_static_tokens_and_new_logins_work()
    {
        using var response = await LoginAsync(EmulatorAccounts.Password, new { project = new { name = EmulatorAccounts.DefaultProjectName } });
        var issued = response.Headers.GetValues("X-Subject-Token").Single();

        using var revoke = await _session.Http.PostAsync("/__emulator/tokens/revoke", null);
        var revoked = await EmulatorSession.ReadAsync(revoke);
        _session.Token = issued;
        var refused = await _session.GetAsync(_session.ServicesPath);
        _session.Token = EmulatorAccounts.StaticToken;
        var viaStatic = await _session.GetAsync(_session.ServicesPath);
        using var again = await LoginAsync(EmulatorAccounts.Password, new { project = new { name = EmulatorAccounts.DefaultProjectName } });
        _session.Token = again.Headers.GetValues("X-Subject-Token").Single();
        var viaNewLogin = await _session.GetAsync(_session.ServicesPath);

        Assert.Multiple(() =>
        {
            Assert.That(revoked.Body["revoked"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(refused.ErrorCode, Is.EqualTo("APIGW.0301"));
            Assert.That(viaStatic.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(viaNewLogin.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Projects_can_be_found_by_name_and_the_catalog_read_with_a_signed_request()
    {
        var signer = new TestSigner(EmulatorAccounts.AccessKey, EmulatorAccounts.SecretKey, credentialForm: true);
        using var projectsRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(_session.Emulator.BaseUrl, "/v3/projects?name=eu-de_other"));
        await signer.SignAsync(projectsRequest, DateTimeOffset.UtcNow);
        var projects = await EmulatorSession.ReadAsync(await _session.Http.SendAsync(projectsRequest));
        using var catalogRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(_session.Emulator.BaseUrl, "/v3/auth/catalog"));
        catalogRequest.Headers.TryAddWithoutValidation("X-Project-Id", EmulatorAccounts.DefaultProjectId);
        await signer.SignAsync(catalogRequest, DateTimeOffset.UtcNow);
        var catalog = await EmulatorSession.ReadAsync(await _session.Http.SendAsync(catalogRequest));

        var project = projects.Body["projects"]!.AsArray().Single()!;
        Assert.That(project["id"]!.GetValue<string>(), Is.EqualTo(EmulatorAccounts.OtherProjectId));
        Assert.That(project["domain_id"]!.GetValue<string>(), Is.EqualTo(EmulatorAccounts.DomainId));
        var urls = catalog.Body["catalog"]!.AsArray().Select(entry => entry!["endpoints"]![0]!["url"]!.GetValue<string>());
        Assert.That(urls, Has.Some.EndsWith($"/v1/{EmulatorAccounts.DefaultProjectId}"));
    }
}
