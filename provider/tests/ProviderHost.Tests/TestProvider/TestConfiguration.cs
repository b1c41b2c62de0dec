using Otc.ProviderHost.Configuration;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>Test-only configuration: records what the host hands over; <c>region</c> is required.</summary>
internal sealed class TestConfiguration : IProviderConfiguration
{
    public PropertyMap? Checked { get; private set; }

    public PropertyMap? Configured { get; private set; }

    public CheckResult CheckConfig(PropertyMap oldConfig, PropertyMap newConfig)
    {
        Checked = newConfig;
        return new CheckResult(newConfig, []);
    }

    public Task ConfigureAsync(PropertyMap config, CancellationToken cancellationToken)
    {
        Configured = config;
        if (!config.ContainsKey("region"))
        {
            throw new MissingConfigurationException([new MissingConfigurationKey("region", "The region to deploy into")]);
        }

        return Task.CompletedTask;
    }
}
