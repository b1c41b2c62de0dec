using Otc.CloudClient;

namespace Otc.Provider.Configuration;

/// <summary>
/// Every key of the provider configuration, as schema.json declares them: names, secrecy and the environment variables
/// that stand in for each, which are the names the Terraform OTC provider (and gophertelekomcloud beneath it) accepts
/// for the same setting, in its order; plus where a <c>clouds.yaml</c> cloud holds the setting (<see cref="CloudEntry"/>).
/// </summary>
public static class ConfigKeys
{
    public static readonly ConfigKey Region = new("region", ["OS_REGION_NAME", "OS_REGION", "OS_REGION_ID"], ConfigValueType.String, false,
        "The OTC region, e.g. eu-de.", FromCloud: cloud => cloud.Region);

    public static readonly ConfigKey ProjectId = new("projectId", ["OS_TENANT_ID", "OS_PROJECT_ID"], ConfigValueType.String, false,
        "The project id; looked up through IAM when absent.", FromCloud: cloud => cloud.ProjectId);

    public static readonly ConfigKey ProjectName = new("projectName", ["OS_TENANT_NAME", "OS_PROJECT_NAME"], ConfigValueType.String, false,
        "The project name used to look the project id up; defaults to the region.", FromCloud: cloud => cloud.ProjectName);

    public static readonly ConfigKey AuthUrl = new("authUrl", ["OS_AUTH_URL"], ConfigValueType.String, false,
        "The IAM v3 endpoint; derived from the region when absent.", FromCloud: cloud => cloud.AuthUrl);

    public static readonly ConfigKey AccessKey = new("accessKey", ["OS_ACCESS_KEY", "OS_ACCESS_KEY_ID", "OS_AK"], ConfigValueType.String, false,
        "The access key id of an AK/SK pair.", nameof(OtcClientOptions.AccessKey), cloud => cloud.AccessKey);

    public static readonly ConfigKey SecretKey = new("secretKey", ["OS_SECRET_KEY", "OS_ACCESS_KEY_SECRET", "OS_SK"], ConfigValueType.String, true,
        "The secret key of an AK/SK pair.", nameof(OtcClientOptions.SecretKey), cloud => cloud.SecretKey);

    public static readonly ConfigKey SecurityToken = new("securityToken", ["OS_SECURITY_TOKEN", "OS_AKSK_SECURITY_TOKEN", "OS_ST"], ConfigValueType.String, true,
        "The security token of a temporary AK/SK pair.", nameof(OtcClientOptions.SecurityToken), cloud => cloud.SecurityToken);

    public static readonly ConfigKey Username = new("username", ["OS_USERNAME"], ConfigValueType.String, false,
        "The IAM user name for password authentication.", nameof(OtcClientOptions.Username), cloud => cloud.Username);

    public static readonly ConfigKey Password = new("password", ["OS_PASSWORD"], ConfigValueType.String, true,
        "The IAM user's password.", nameof(OtcClientOptions.Password), cloud => cloud.Password);

    public static readonly ConfigKey DomainName = new("domainName", ["OS_USER_DOMAIN_NAME", "OS_PROJECT_DOMAIN_NAME", "OS_DOMAIN_NAME", "OS_DEFAULT_DOMAIN"],
        ConfigValueType.String, false, "The account (domain) the IAM user belongs to.", nameof(OtcClientOptions.DomainName), cloud => cloud.DomainName);

    public static readonly ConfigKey Token = new("token", ["OS_TOKEN", "OS_AUTH_TOKEN", "OS_TOKEN_ID"], ConfigValueType.String, true,
        "A pre-issued, project-scoped IAM token.", nameof(OtcClientOptions.Token), cloud => cloud.Token);

    public static readonly ConfigKey Cloud = new("cloud", ["OS_CLOUD"], ConfigValueType.String, false,
        "The cloud in clouds.yaml to take the settings from that are not set otherwise.");

    public static readonly ConfigKey VpcepEndpoint = new("vpcepEndpoint", ["OTC_VPCEP_ENDPOINT"], ConfigValueType.String, false,
        "Overrides the VPCEP endpoint from the IAM catalog.");

    public static readonly ConfigKey Insecure = new("insecure", ["OS_INSECURE"], ConfigValueType.Boolean, false,
        "Skips TLS certificate verification (test set-ups only).", FromCloud: cloud => cloud.Insecure);

    public static readonly ConfigKey MaxRetries = new("maxRetries", ["OTC_MAX_RETRIES"], ConfigValueType.Integer, false,
        "Retries of failed calls that are safe to repeat (default 5); throttling has its own budget.");

    public static readonly ConfigKey MaxConnections = new("maxConnections", ["OTC_MAX_CONNECTIONS"], ConfigValueType.Integer, false,
        "Connections to one OTC endpoint at most (default 32).");

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Region, ProjectId, ProjectName, AuthUrl, AccessKey, SecretKey, SecurityToken, Username, Password, DomainName, Token, Cloud, VpcepEndpoint, Insecure, MaxRetries, MaxConnections,
    ];
}
