using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Configuration;

/// <summary>
/// The provider's own configuration (the <c>pkg:</c> config namespace). Values reach these methods already
/// decoded to the types the schema declares (the host undoes the engine's string and JSON-string encodings),
/// with secrets kept as secret values.
/// </summary>
public interface IProviderConfiguration
{
    /// <summary>Validates and normalises configuration; failures name the keys. Must keep the engine's <c>version</c> key.</summary>
    CheckResult CheckConfig(PropertyMap oldConfig, PropertyMap newConfig);

    /// <summary>Applies configuration. Throws <see cref="MissingConfigurationException"/> for absent required keys.</summary>
    /// <param name="log">The engine's log, for what the user should know about the configuration (never a secret).</param>
    Task ConfigureAsync(PropertyMap config, IResourceLog log, CancellationToken cancellationToken);

    /// <summary>
    /// Brings old and new configuration into the form DiffConfig compares, before the schema's
    /// <c>replaceOnChanges</c> rules apply: e.g. values the provider takes from elsewhere filled in, so that equal
    /// settings written differently are no change. The default compares them as they are.
    /// </summary>
    (PropertyMap Old, PropertyMap New) AlignForDiff(PropertyMap oldConfig, PropertyMap newConfig) => (oldConfig, newConfig);
}
