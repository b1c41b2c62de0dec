namespace Otc.Emulator.Auth;

internal sealed record DomainInfo(string Id, string Name);

internal sealed record ProjectInfo(string Id, string Name, string DomainId);

internal sealed record UserInfo(string Id, string Name, string Password, string DomainId);

internal sealed record AccessKeyInfo(string AccessKey, string SecretKey, string DomainId, string? RequiredSecurityToken);

/// <summary>The fixed identities of <see cref="EmulatorAccounts"/> as lookup tables.</summary>
internal static class IdentityDirectory
{
    public static readonly IReadOnlyList<DomainInfo> Domains =
    [
        new(EmulatorAccounts.DomainId, EmulatorAccounts.DomainName),
        new(EmulatorAccounts.ForeignDomainId, EmulatorAccounts.ForeignDomainName),
    ];

    public static readonly IReadOnlyList<ProjectInfo> Projects =
    [
        new(EmulatorAccounts.DefaultProjectId, EmulatorAccounts.DefaultProjectName, EmulatorAccounts.DomainId),
        new(EmulatorAccounts.OtherProjectId, EmulatorAccounts.OtherProjectName, EmulatorAccounts.DomainId),
        new(EmulatorAccounts.ForeignProjectId, EmulatorAccounts.ForeignProjectName, EmulatorAccounts.ForeignDomainId),
    ];

    public static readonly IReadOnlyList<UserInfo> Users =
    [
        new(EmulatorAccounts.UserId, EmulatorAccounts.UserName, EmulatorAccounts.Password, EmulatorAccounts.DomainId),
        new(EmulatorAccounts.ForeignUserId, EmulatorAccounts.ForeignUserName, EmulatorAccounts.ForeignPassword, EmulatorAccounts.ForeignDomainId),
    ];

    public static readonly IReadOnlyList<AccessKeyInfo> AccessKeys =
    [
        new(EmulatorAccounts.AccessKey, EmulatorAccounts.SecretKey, EmulatorAccounts.DomainId, null),
        new(EmulatorAccounts.TemporaryAccessKey, EmulatorAccounts.TemporarySecretKey, EmulatorAccounts.DomainId, EmulatorAccounts.SecurityToken),
        new(EmulatorAccounts.ForeignAccessKey, EmulatorAccounts.ForeignSecretKey, EmulatorAccounts.ForeignDomainId, null),
    ];

    public static DomainInfo? FindDomain(string? id, string? name) =>
        Domains.FirstOrDefault(domain => (id is not null && domain.Id == id) || (id is null && name is not null && domain.Name == name));

    public static ProjectInfo? FindProject(string id) => Projects.FirstOrDefault(project => project.Id == id);

    public static AccessKeyInfo? FindAccessKey(string accessKey) => AccessKeys.FirstOrDefault(key => key.AccessKey == accessKey);
}
