using Otc.ProviderHost.Configuration;
using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>Test-only configuration: records what the host hands over; <c>region</c> is required and compared ignoring case.</summary>
internal sealed class TestConfiguration : IProviderConfiguration
{
    public PropertyMap? Checked { get; private set; }

    public PropertyMap? Configured { get; private set; }

    public CheckResult CheckConfig(PropertyMap oldConfig, PropertyMap newConfig)
    {
        Checked = newConfig;
        return new CheckResult(newConfig, []);
    }

    public Task ConfigureAsync(PropertyMap config, IResourceLog log, CancellationToken cancellationToken)
    {
        Configured = config;
        if (!config.ContainsKey("region"))
        {
            throw new MissingConfigurationException([new MissingConfigurationKey("region", "The region to deploy into")]);
        }

        return Task.CompletedTask;
    }

    public (PropertyMap Old, PropertyMap New) AlignForDiff(PropertyMap oldConfig, PropertyMap newConfig) => (Lower(oldConfig), Lower(newConfig));

    private static PropertyMap Lower(PropertyMap config) =>
        config.GetOrNull("region").TryGetString(out var region) ? config.With("region", region.ToLowerInvariant()) : config;
}
