using System.Globalization;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>
/// The engine's part in configuring provider resources: bring-up (<c>CheckConfig</c>, then <c>Configure</c>) and the
/// check of a changed configuration (<c>CheckConfig</c>, then <c>DiffConfig</c>). Secrets travel as plain values in
/// CheckConfig and DiffConfig, and are wrapped again, by key, for Configure.
/// </summary>
internal sealed class ProviderConfigurator(ProviderRpc rpc, Checkpoint checkpoint)
{
    /// <summary>Values flagged secret in <paramref name="config"/> are the stack's secret config.</summary>
    public async Task<ConfiguredProvider> ConfigureAsync(string package, string providerName, PropertyMap config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var providerUrn = checkpoint.ProviderUrnOf(package, providerName);
        var secretKeys = config.Where(pair => pair.Value.IsSecret).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var checkedConfig = await CheckConfigAsync(package, providerName, PropertyMap.Empty, config, cancellationToken).ConfigureAwait(false);
        var args = PropertyMap.From(checkedConfig.Select(pair =>
            KeyValuePair.Create(pair.Key, secretKeys.Contains(pair.Key) ? pair.Value.WithSecret() : pair.Value)));
        var request = new ConfigureRequest
        {
            Args = PropertyCodec.Encode(args),
            AcceptSecrets = true,
            AcceptResources = true,
            SendsOldInputs = true,
            SendsOldInputsToDelete = true,
            Id = Guid.NewGuid().ToString(),
            Urn = providerUrn,
            Name = providerName,
            Type = ProviderTypes.Of(package),
        };
        foreach (var (key, value) in args)
        {
            if (ConfigString(value) is { } text)
            {
                request.Variables[$"{package}:config:{key}"] = text;
            }
        }

        var response = await ProviderRpc.CallAsync("Configure", providerUrn, () => rpc.Client.ConfigureAsync(request, cancellationToken: cancellationToken).ResponseAsync)
            .ConfigureAwait(false);
        return new ConfiguredProvider(providerUrn, request.Id, args, response);
    }

    /// <summary>The default provider's configuration changed: a replace in the answer replaces every resource of the provider.</summary>
    public async Task<DiffResponse> DiffConfigAsync(string package, PropertyMap oldConfig, PropertyMap newConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oldConfig);
        const string ProviderName = "default";
        var providerUrn = checkpoint.ProviderUrnOf(package, ProviderName);
        var checkedNew = await CheckConfigAsync(package, ProviderName, oldConfig, newConfig, cancellationToken).ConfigureAwait(false);
        var plainOld = PropertyCodec.Encode(Plain(oldConfig));
        return await ProviderRpc.CallAsync("DiffConfig", providerUrn, () => rpc.Client.DiffConfigAsync(new DiffRequest
        {
            Id = Guid.NewGuid().ToString(),
            Urn = providerUrn,
            Name = ProviderName,
            Type = ProviderTypes.Of(package),
            Olds = plainOld,
            OldInputs = plainOld,
            News = PropertyCodec.Encode(checkedNew),
        }, cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
    }

    /// <summary>CheckConfig with secrets sent as plain values; returns the checked configuration or throws its failures.</summary>
    private async Task<PropertyMap> CheckConfigAsync(string package, string providerName, PropertyMap oldConfig, PropertyMap newConfig, CancellationToken cancellationToken)
    {
        var providerUrn = checkpoint.ProviderUrnOf(package, providerName);
        var response = await ProviderRpc.CallAsync("CheckConfig", providerUrn, () => rpc.Client.CheckConfigAsync(new CheckRequest
        {
            Urn = providerUrn,
            Name = providerName,
            Type = ProviderTypes.Of(package),
            Olds = PropertyCodec.Encode(Plain(oldConfig)),
            News = PropertyCodec.Encode(Plain(newConfig)),
        }, cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
        if (response.Failures.Count > 0)
        {
            throw new CheckFailedException(providerUrn, [.. response.Failures]);
        }

        return PropertyCodec.Decode(response.Inputs);
    }

    private static PropertyMap Plain(PropertyMap config) =>
        PropertyMap.From(config.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.WithSecret(false))));

    private static string? ConfigString(PropertyValue value)
    {
        if (value.TryGetString(out var text))
        {
            return text;
        }

        if (value.TryGetBool(out var flag))
        {
            return flag ? "true" : "false";
        }

        return value.TryGetNumber(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
    }
}
