namespace Otc.Provider.Configuration;

/// <summary>Every key of the provider configuration, as schema.json declares them (names, environment fallbacks, secrecy).</summary>
public static class ConfigKeys
{
    public static readonly ConfigKey Region = new("region", "OS_REGION_NAME", ConfigValueType.String, false, "The OTC region, e.g. eu-de.");
    public static readonly ConfigKey ProjectId = new("projectId", "OS_PROJECT_ID", ConfigValueType.String, false, "The project id; looked up through IAM when absent.");
    public static readonly ConfigKey ProjectName = new("projectName", "OS_PROJECT_NAME", ConfigValueType.String, false, "The project name used to look the project id up; defaults to the region.");
    public static readonly ConfigKey AuthUrl = new("authUrl", "OS_AUTH_URL", ConfigValueType.String, false, "The IAM v3 endpoint; derived from the region when absent.");
    public static readonly ConfigKey AccessKey = new("accessKey", "OS_ACCESS_KEY", ConfigValueType.String, false, "The access key id of an AK/SK pair.");
    public static readonly ConfigKey SecretKey = new("secretKey", "OS_SECRET_KEY", ConfigValueType.String, true, "The secret key of an AK/SK pair.");
    public static readonly ConfigKey SecurityToken = new("securityToken", "OS_SECURITY_TOKEN", ConfigValueType.String, true, "The security token of a temporary AK/SK pair.");
    public static readonly ConfigKey Username = new("username", "OS_USERNAME", ConfigValueType.String, false, "The IAM user name for password authentication.");
    public static readonly ConfigKey Password = new("password", "OS_PASSWORD", ConfigValueType.String, true, "The IAM user's password.");
    public static readonly ConfigKey DomainName = new("domainName", "OS_DOMAIN_NAME", ConfigValueType.String, false, "The account (domain) the IAM user belongs to.");
    public static readonly ConfigKey Token = new("token", "OS_TOKEN", ConfigValueType.String, true, "A pre-issued, project-scoped IAM token.");
    public static readonly ConfigKey VpcepEndpoint = new("vpcepEndpoint", "OTC_VPCEP_ENDPOINT", ConfigValueType.String, false, "Overrides the VPCEP endpoint from the IAM catalog.");
    public static readonly ConfigKey Insecure = new("insecure", "OS_INSECURE", ConfigValueType.Boolean, false, "Skips TLS certificate verification (test set-ups only).");
    public static readonly ConfigKey MaxRetries = new("maxRetries", "OTC_MAX_RETRIES", ConfigValueType.Integer, false, "Retries of failed calls that are safe to repeat (default 5); throttling has its own budget.");
    public static readonly ConfigKey MaxConnections = new("maxConnections", "OTC_MAX_CONNECTIONS", ConfigValueType.Integer, false, "Connections to one OTC endpoint at most (default 32).");

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Region, ProjectId, ProjectName, AuthUrl, AccessKey, SecretKey, SecurityToken, Username, Password, DomainName, Token, VpcepEndpoint, Insecure, MaxRetries, MaxConnections,
    ];
}
