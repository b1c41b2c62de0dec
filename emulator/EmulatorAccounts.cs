namespace Otc.Emulator;

/// <summary>The identities every emulator instance knows. Tests and examples log in with these.</summary>
public static class EmulatorAccounts
{
    public const string DomainName = "emulator-domain";
    public const string DomainId = "d0000000000000000000000000000001";

    public const string DefaultProjectName = "eu-de";
    public const string DefaultProjectId = "0123456789abcdef0123456789abcdef";

    /// <summary>A second project of the same domain, for project isolation tests.</summary>
    public const string OtherProjectName = "eu-de_other";
    public const string OtherProjectId = "fedcba9876543210fedcba9876543210";

    public const string UserName = "emulator-user";
    public const string UserId = "u0000000000000000000000000000001";
    public const string Password = "emulator-password";

    public const string AccessKey = "EMULATORACCESSKEY0001";
    public const string SecretKey = "emulator-secret-key-0001";

    public const string TemporaryAccessKey = "EMULATORTEMPKEY00001";
    public const string TemporarySecretKey = "emulator-temp-secret-0001";
    public const string SecurityToken = "emulator-security-token";

    /// <summary>Pre-issued, never-expiring token scoped to <see cref="DefaultProjectId"/>.</summary>
    public const string StaticToken = "emulator-static-token";

    /// <summary>A separate domain (another customer), so endpoint whitelist checks have someone to refuse.</summary>
    public const string ForeignDomainName = "emulator-foreign-domain";
    public const string ForeignDomainId = "d0000000000000000000000000000002";
    public const string ForeignProjectName = "eu-de";
    public const string ForeignProjectId = "aaaabbbbccccddddeeeeffff00001111";
    public const string ForeignUserName = "emulator-foreign-user";
    public const string ForeignUserId = "u0000000000000000000000000000002";
    public const string ForeignPassword = "emulator-foreign-password";
    public const string ForeignAccessKey = "EMULATORFOREIGNKEY01";
    public const string ForeignSecretKey = "emulator-foreign-secret-01";

    /// <summary>Pre-issued, never-expiring token scoped to <see cref="ForeignProjectId"/>.</summary>
    public const string ForeignStaticToken = "emulator-foreign-static-token";
}
