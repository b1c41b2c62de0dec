using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.ProviderHost.Configuration;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Configuration;

/// <summary>
/// The <c>otc:</c> provider configuration. Every key falls back to its environment variables, then to the clouds.yaml
/// cloud that <c>otc:cloud</c> or <c>OS_CLOUD</c> names (see <see cref="ResolvedConfig"/>); CheckConfig names the keys
/// of any problem, Configure logs which credentials it uses, connects the VPCEP client and hands it to the resource
/// handlers. The environment and clouds.yaml are read but never copied into the checked config, so no secret from them
/// lands in the state.
/// </summary>
/// <param name="clients">Receives the client Configure builds.</param>
/// <param name="environment">Reads an environment variable; defaults to the process environment.</param>
/// <param name="clientLog">Receives the client's diagnostic lines (never secrets); null for none.</param>
/// <param name="cloudsFiles">Where clouds.yaml and its companions are looked for; defaults to the process's search path.</param>
public sealed class OtcProviderConfiguration(
    OtcClientProvider clients,
    Func<string, string?>? environment = null,
    Action<string>? clientLog = null,
    CloudsFiles? cloudsFiles = null) : IProviderConfiguration
{
    /// <summary>The client's own defaults, used for keys the user leaves out.</summary>
    private static readonly OtcClientOptions ClientDefaults = new() { Region = "" };

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    private CloudsFiles Files => cloudsFiles ?? CloudsFiles.OfProcess(_environment);

    public CheckResult CheckConfig(PropertyMap oldConfig, PropertyMap newConfig)
    {
        var resolved = Resolve(newConfig);
        var failures = new List<CheckFailure>(resolved.TypeFailures);
        failures.AddRange(ConfigRules.Problems(resolved).Select(problem => new CheckFailure(problem.Property, problem.Message)));
        return new CheckResult(newConfig, failures);
    }

    public async Task ConfigureAsync(PropertyMap config, IResourceLog log, CancellationToken cancellationToken)
    {
        var resolved = Resolve(config);
        if (ConfigKeys.All.Any(resolved.IsUnknown))
        {
            // Preview with configuration that depends on other resources: nothing may call the cloud yet.
            return;
        }

        var options = BuildOptions(resolved);
        if (CredentialChoice.Of(resolved) is { } choice)
        {
            await log.InfoAsync("otc: " + choice.Describe(resolved)).ConfigureAwait(false);
        }
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
        var (oldPlacement, newPlacement) = ConfigPlacement.Align(ConfigPlacement.Of(Resolve(oldConfig)), ConfigPlacement.Of(Resolve(newConfig)));
        return (oldPlacement.ApplyTo(oldConfig), newPlacement.ApplyTo(newConfig));
    }

    /// <summary>The client options for <paramref name="config"/> with environment and clouds.yaml fallbacks; throws for missing or invalid settings.</summary>
    internal OtcClientOptions BuildOptions(PropertyMap config) => BuildOptions(Resolve(config));

    private ResolvedConfig Resolve(PropertyMap config) => ResolvedConfig.Resolve(config, _environment, name => CloudEntry.Load(name, Files));

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

        // Only the chosen set goes to the client: the sets the precedence passed over stay out of its options.
        var choice = CredentialChoice.Of(resolved);
        string? Credential(ConfigKey key) => choice is not null && choice.Uses(key) ? resolved.Text(key) : null;
        return new OtcClientOptions
        {
            Region = resolved.Text(ConfigKeys.Region)!,
            ProjectId = resolved.Text(ConfigKeys.ProjectId),
            ProjectName = resolved.Text(ConfigKeys.ProjectName),
            AuthUrl = resolved.Text(ConfigKeys.AuthUrl),
            AccessKey = Credential(ConfigKeys.AccessKey),
            SecretKey = Credential(ConfigKeys.SecretKey),
            SecurityToken = Credential(ConfigKeys.SecurityToken),
            Username = Credential(ConfigKeys.Username),
            Password = Credential(ConfigKeys.Password),
            DomainName = Credential(ConfigKeys.DomainName),
            Token = Credential(ConfigKeys.Token),
            VpcepEndpoint = resolved.Text(ConfigKeys.VpcepEndpoint),
            Insecure = resolved.Boolean(ConfigKeys.Insecure) ?? false,
            MaxRetries = resolved.Integer(ConfigKeys.MaxRetries) ?? ClientDefaults.MaxRetries,
            MaxConnectionsPerServer = resolved.Integer(ConfigKeys.MaxConnections) ?? ClientDefaults.MaxConnectionsPerServer,
            Log = clientLog,
        };
    }
}
