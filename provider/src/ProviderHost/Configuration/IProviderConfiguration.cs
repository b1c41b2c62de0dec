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
    Task ConfigureAsync(PropertyMap config, CancellationToken cancellationToken);
}
