using System.Globalization;
using Otc.CloudClient;
using Otc.Emulator;
using Otc.ProviderHost.Values;

namespace Otc.EmulatorHarness;

/// <summary>
/// One of the emulator's built-in customers (<see cref="EmulatorAccounts"/>, documented in <c>emulator/README.md</c>)
/// with its permanent AK/SK: as the <c>otc:</c> stack configuration a user would set, and as cloud client options.
/// </summary>
public sealed record EmulatorAccount(string Region, string DomainId, string ProjectId, string AccessKey, string SecretKey)
{
    /// <summary>The service owner: the emulator's default domain and project.</summary>
    public static EmulatorAccount Owner { get; } = new(
        EmulatorAccounts.DefaultProjectName, EmulatorAccounts.DomainId, EmulatorAccounts.DefaultProjectId, EmulatorAccounts.AccessKey, EmulatorAccounts.SecretKey);

    /// <summary>Another customer (the emulator's foreign domain): a consumer connecting to the owner's services.</summary>
    public static EmulatorAccount Consumer { get; } = new(
        EmulatorAccounts.DefaultProjectName, EmulatorAccounts.ForeignDomainId, EmulatorAccounts.ForeignProjectId, EmulatorAccounts.ForeignAccessKey, EmulatorAccounts.ForeignSecretKey);

    /// <summary>
    /// The <c>otc:</c> configuration pointing a provider at the emulator at <paramref name="emulatorUrl"/>, as a stack's
    /// config carries it (the secret key marked secret; <c>maxRetries</c>, when given, a string as
    /// <c>pulumi config set</c> writes it).
    /// </summary>
    public PropertyMap ProviderConfig(Uri emulatorUrl, int? maxRetries = null)
    {
        ArgumentNullException.ThrowIfNull(emulatorUrl);
        var config = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["region"] = Region,
            ["projectId"] = ProjectId,
            ["accessKey"] = AccessKey,
            ["secretKey"] = PropertyValue.From(SecretKey).WithSecret(),
            ["vpcepEndpoint"] = Endpoint(emulatorUrl),
        });
        return maxRetries is { } retries ? config.With("maxRetries", retries.ToString(CultureInfo.InvariantCulture)) : config;
    }

    /// <summary>The same settings as stack config keys (<c>otc:region</c>, …), as a Pulumi program reads them.</summary>
    public Dictionary<string, string> StackConfig(Uri emulatorUrl)
    {
        ArgumentNullException.ThrowIfNull(emulatorUrl);
        return new Dictionary<string, string>
        {
            ["otc:region"] = Region,
            ["otc:projectId"] = ProjectId,
            ["otc:accessKey"] = AccessKey,
            ["otc:secretKey"] = SecretKey,
            ["otc:vpcepEndpoint"] = Endpoint(emulatorUrl),
        };
    }

    /// <summary>
    /// A <c>clouds.yaml</c> whose cloud <paramref name="cloudName"/> reaches the emulator the way a real cloud is
    /// reached: its IAM URL, the region, the project and this account's AK/SK; the VPCEP endpoint comes from the IAM
    /// catalog. <paramref name="withoutSecretKey"/> leaves <c>sk</c> out, for a <c>secure.yaml</c> to supply.
    /// </summary>
    public string CloudsYaml(string cloudName, Uri emulatorUrl, bool withoutSecretKey = false)
    {
        ArgumentNullException.ThrowIfNull(emulatorUrl);
        return $"""
            clouds:
              {cloudName}:
                region_name: {Region}
                auth:
                  auth_url: {Endpoint(emulatorUrl)}/v3
                  project_id: {ProjectId}
                  ak: {AccessKey}
            """ + (withoutSecretKey ? "\n" : $"\n      sk: {SecretKey}\n");
    }

    /// <summary>A <c>secure.yaml</c> holding only the secret key of cloud <paramref name="cloudName"/>.</summary>
    public string SecureYaml(string cloudName) => $"""
        clouds:
          {cloudName}:
            auth:
              sk: {SecretKey}

        """;

    /// <summary>Options for a cloud client of this account, for changes made "behind the provider's back".</summary>
    public OtcClientOptions ClientOptions(Uri emulatorUrl, int maxRetries = 0)
    {
        ArgumentNullException.ThrowIfNull(emulatorUrl);
        return new OtcClientOptions
        {
            Region = Region,
            ProjectId = ProjectId,
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            VpcepEndpoint = Endpoint(emulatorUrl),
            MaxRetries = maxRetries,
        };
    }

    private static string Endpoint(Uri emulatorUrl) => emulatorUrl.GetLeftPart(UriPartial.Authority);
}
