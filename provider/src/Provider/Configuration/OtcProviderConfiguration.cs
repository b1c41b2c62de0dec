using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.ProviderHost.Configuration;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Configuration;

/// <summary>
/// The <c>otc:</c> provider configuration. Every key falls back to its environment variable; CheckConfig names the
/// keys of any problem, Configure connects the VPCEP client and hands it to the resource handlers.
/// The environment is read but never copied into the checked config, so no secret from it lands in the state.
/// </summary>
/// <param name="clients">Receives the client Configure builds.</param>
/// <param name="environment">Reads an environment variable; defaults to the process environment.</param>
/// <param name="clientLog">Receives the client's diagnostic lines (never secrets); null for none.</param>
public sealed class OtcProviderConfiguration(
    OtcClientProvider clients,
    Func<string, string?>? environment = null,
    Action<string>? clientLog = null) : IProviderConfiguration
{
    /// <summary>The client's own defaults, used for keys the user leaves out.</summary>
    private static readonly OtcClientOptions ClientDefaults = new() { Region = "" };

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public CheckResult CheckConfig(PropertyMap oldConfig, PropertyMap newConfig)
    {
        var resolved = ResolvedConfig.Resolve(newConfig, _environment);
        var failures = new List<CheckFailure>(resolved.TypeFailures);
        failures.AddRange(ConfigRules.Problems(resolved).Select(problem => new CheckFailure(problem.Property, problem.Message)));
        return new CheckResult(newConfig, failures);
    }

    public async Task ConfigureAsync(PropertyMap config, CancellationToken cancellationToken)
    {
        var resolved = ResolvedConfig.Resolve(config, _environment);
        if (ConfigKeys.All.Any(resolved.IsUnknown))
        {
            // Preview with configuration that depends on other resources: nothing may call the cloud yet.
            return;
        }

        var options = BuildOptions(resolved);
        IVpcepClient client;
        try
        {
            client = await OtcClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (new OtcExceptionTranslator().Translate(exception) is { } translated)
        {
            throw translated;
        }

        clients.Set(client);
    }

    /// <summary>Region and project are compared by what they resolve to (see <see cref="ConfigPlacement"/>); every other key as written.</summary>
    public (PropertyMap Old, PropertyMap New) AlignForDiff(PropertyMap oldConfig, PropertyMap newConfig)
    {
        var (oldPlacement, newPlacement) = ConfigPlacement.Align(ConfigPlacement.Of(oldConfig, _environment), ConfigPlacement.Of(newConfig, _environment));
        return (oldPlacement.ApplyTo(oldConfig), newPlacement.ApplyTo(newConfig));
    }

    /// <summary>The client options for <paramref name="config"/> with environment fallbacks; throws for missing or contradictory settings.</summary>
    internal OtcClientOptions BuildOptions(PropertyMap config) => BuildOptions(ResolvedConfig.Resolve(config, _environment));

    private OtcClientOptions BuildOptions(ResolvedConfig resolved)
    {
        if (resolved.TypeFailures.Count > 0)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput, string.Join("; ", resolved.TypeFailures.Select(f => f.Reason)));
        }

        var problems = ConfigRules.Problems(resolved);
        var missing = problems.Where(problem => problem.IsMissing).ToList();
        if (missing.Count > 0)
        {
            throw new MissingConfigurationException(
            [
                .. missing.SelectMany(problem => problem.Keys)
                    .DistinctBy(key => key.Name)
                    .Select(key => new MissingConfigurationKey(key.Name, $"{key.Description} Set {key.HowToSet}.")),
            ]);
        }

        if (problems.Count > 0)
        {
            throw new ProviderException(ProviderErrorKind.InvalidInput, string.Join("; ", problems.Select(problem => problem.Message)));
        }

        return new OtcClientOptions
        {
            Region = resolved.Text(ConfigKeys.Region)!,
            ProjectId = resolved.Text(ConfigKeys.ProjectId),
            ProjectName = resolved.Text(ConfigKeys.ProjectName),
            AuthUrl = resolved.Text(ConfigKeys.AuthUrl),
            AccessKey = resolved.Text(ConfigKeys.AccessKey),
            SecretKey = resolved.Text(ConfigKeys.SecretKey),
            SecurityToken = resolved.Text(ConfigKeys.SecurityToken),
            Username = resolved.Text(ConfigKeys.Username),
            Password = resolved.Text(ConfigKeys.Password),
            DomainName = resolved.Text(ConfigKeys.DomainName),
            Token = resolved.Text(ConfigKeys.Token),
            VpcepEndpoint = resolved.Text(ConfigKeys.VpcepEndpoint),
            Insecure = resolved.Boolean(ConfigKeys.Insecure) ?? false,
            MaxRetries = resolved.Integer(ConfigKeys.MaxRetries) ?? ClientDefaults.MaxRetries,
            MaxConnectionsPerServer = resolved.Integer(ConfigKeys.MaxConnections) ?? ClientDefaults.MaxConnectionsPerServer,
            Log = clientLog,
        };
    }
}
