using Otc.CloudClient;
using Otc.CloudClient.Tests.Support;
using Otc.Emulator;

namespace Otc.CloudClient.Tests.Emulated;

/// <summary>Each credential mode, and how project id and endpoint are resolved through IAM.</summary>
public sealed class AuthModeTests : EmulatedTestBase
{
    [Test]
    public async Task Permanent_keys_with_project_and_endpoint_make_no_iam_call()
    {
        using var client = await ConnectAsync(AkSkOptions());

        var services = await client.ListServicesAsync(null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(services, Is.Not.Null);
            Assert.That(Emulator.Journal.Entries.Where(e => e.Path.StartsWith("/v3", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Emulator.Journal.Entries.Single().Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Permanent_keys_resolve_project_and_endpoint_through_iam()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            AuthUrl = options.AuthUrl,
            Log = Output.Add,
        });

        await client.ListServicesAsync(null, CancellationToken.None);

        var entries = Emulator.Journal.Entries;
        Assert.Multiple(() =>
        {
            Assert.That(entries[0].Path, Is.EqualTo("/v3/projects"));
            Assert.That(entries[0].Query, Is.EqualTo("name=eu-de"));
            Assert.That(entries[1].Path, Is.EqualTo("/v3/auth/catalog"));
            Assert.That(entries[2].Path, Is.EqualTo($"/v1/{EmulatorAccounts.DefaultProjectId}/vpc-endpoint-services"));
            Assert.That(entries.Select(e => e.Status), Has.All.EqualTo(200));
        });
    }

    [Test]
    public async Task Project_name_selects_the_other_project()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            ProjectName = EmulatorAccounts.OtherProjectName,
            AccessKey = options.AccessKey,
            SecretKey = options.SecretKey,
            AuthUrl = options.AuthUrl,
            Log = Output.Add,
        });

        var created = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        Assert.That(created.ProjectId, Is.EqualTo(EmulatorAccounts.OtherProjectId));
    }

    [Test]
    public async Task Temporary_keys_are_accepted_with_the_security_token()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            ProjectId = EmulatorAccounts.DefaultProjectId,
            AccessKey = EmulatorAccounts.TemporaryAccessKey,
            SecretKey = EmulatorAccounts.TemporarySecretKey,
            SecurityToken = EmulatorAccounts.SecurityToken,
            AuthUrl = options.AuthUrl,
            VpcepEndpoint = options.VpcepEndpoint,
            Log = Output.Add,
        });

        var created = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        Assert.That(await client.GetServiceAsync(created.Id, CancellationToken.None), Has.Property("Id").EqualTo(created.Id));
    }

    [Test]
    public async Task Temporary_keys_without_the_security_token_are_refused()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            ProjectId = EmulatorAccounts.DefaultProjectId,
            AccessKey = EmulatorAccounts.TemporaryAccessKey,
            SecretKey = EmulatorAccounts.TemporarySecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            Log = Output.Add,
        });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.That(error.HttpStatus, Is.EqualTo(401));
    }

    [Test]
    public async Task Wrong_secret_key_is_a_401_with_the_gateway_code()
    {
        var options = AkSkOptions();
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = options.Region,
            ProjectId = options.ProjectId,
            AccessKey = options.AccessKey,
            SecretKey = Samples.WrongSecretKey,
            VpcepEndpoint = options.VpcepEndpoint,
            Log = Output.Add,
        });

        var error = await FailureOf<OtcApiException>(() => client.ListServicesAsync(null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(401));
            Assert.That(error.ErrorCode, Is.EqualTo("APIGW.0301"));
        });
    }

    [Test]
    public async Task Password_token_is_project_scoped_and_its_catalog_gives_the_endpoint()
    {
        using var client = await ConnectAsync(PasswordOptions());

        var created = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        var entries = Emulator.Journal.Entries;
        Assert.Multiple(() =>
        {
            Assert.That(entries[0].Path, Is.EqualTo("/v3/auth/tokens"));
            Assert.That(entries[0].Status, Is.EqualTo(201));
            Assert.That(entries.Count(e => e.Path.StartsWith("/v3", StringComparison.Ordinal)), Is.EqualTo(1), "project and endpoint come with the token");
            Assert.That(created.ProjectId, Is.EqualTo(EmulatorAccounts.DefaultProjectId));
        });
    }

    [Test]
    public async Task Password_token_can_be_scoped_by_project_id()
    {
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            ProjectId = EmulatorAccounts.OtherProjectId,
            Username = EmulatorAccounts.UserName,
            Password = EmulatorAccounts.Password,
            DomainName = EmulatorAccounts.DomainName,
            AuthUrl = AuthUrl.AbsoluteUri,
            Log = Output.Add,
        });

        var created = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(created.ProjectId, Is.EqualTo(EmulatorAccounts.OtherProjectId));
            Assert.That(Emulator.Journal.Entries[0].Body, Does.Contain(EmulatorAccounts.OtherProjectId));
        });
    }

    [Test]
    public async Task Wrong_password_fails_connect_with_the_keystone_error()
    {
        var options = PasswordOptions();

        var error = await FailureOf<OtcApiException>(() => ConnectAsync(new OtcClientOptions
        {
            Region = options.Region,
            Username = options.Username,
            Password = Samples.WrongPassword,
            DomainName = options.DomainName,
            AuthUrl = options.AuthUrl,
            Log = Output.Add,
        }));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(401));
            Assert.That(error.ErrorMessage, Is.Not.Null.And.Not.Empty);
            Assert.That(error.Operation, Is.EqualTo("POST auth/tokens"));
        });
    }

    [Test]
    public async Task Static_token_resolves_the_project_and_lists()
    {
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            Token = EmulatorAccounts.StaticToken,
            AuthUrl = AuthUrl.AbsoluteUri,
            Log = Output.Add,
        });

        var created = await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(created.ProjectId, Is.EqualTo(EmulatorAccounts.DefaultProjectId));
            Assert.That(Emulator.Journal.Entries.Select(e => e.Path), Does.Contain("/v3/projects"));
            Assert.That(Emulator.Journal.Entries.Where(e => e.Path == "/v3/auth/tokens"), Is.Empty);
        });
    }

    [Test]
    public async Task A_token_beside_a_password_set_is_used_and_the_password_is_never_sent()
    {
        using var client = await ConnectAsync(new OtcClientOptions
        {
            Region = "eu-de",
            Token = EmulatorAccounts.StaticToken,
            Username = EmulatorAccounts.UserName,
            Password = EmulatorAccounts.Password,
            DomainName = EmulatorAccounts.DomainName,
            AuthUrl = AuthUrl.AbsoluteUri,
        });

        await client.CreateServiceAsync(Samples.Service(), CancellationToken.None);

        Assert.That(Emulator.Journal.Entries.Where(e => e.Path == "/v3/auth/tokens"), Is.Empty, "no password token was issued");
    }
}
