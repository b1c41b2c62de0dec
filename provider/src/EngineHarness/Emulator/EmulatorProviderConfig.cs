using System.Globalization;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness.Emulator;

/// <summary>
/// The <c>otc:</c> configuration that points a provider at an emulator process with the emulator's default project and
/// permanent AK/SK (its documented test account), as a stack's config would carry them (the secret key marked secret).
/// </summary>
public static class EmulatorProviderConfig
{
    public static PropertyMap For(EmulatorProcess emulator, int? maxRetries = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var config = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["region"] = "eu-de",
            ["projectId"] = "0123456789abcdef0123456789abcdef",
            ["accessKey"] = "EMULATORACCESSKEY0001",
            ["secretKey"] = PropertyValue.From("emulator-secret-key-0001").WithSecret(),
            ["vpcepEndpoint"] = emulator.BaseUrl.GetLeftPart(UriPartial.Authority),
        });

        // As `pulumi config set otc:maxRetries N` would send it: a string.
        return maxRetries is { } retries ? config.With("maxRetries", retries.ToString(CultureInfo.InvariantCulture)) : config;
    }
}
