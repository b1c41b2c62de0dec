using Otc.CloudClient;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Cloud;

/// <summary>
/// Holds the VPCEP client that Configure builds, for the resource handlers (which exist before Configure runs).
/// </summary>
public sealed class OtcClientProvider : IDisposable
{
    private IVpcepClient? _client;

    public bool IsConfigured => Volatile.Read(ref _client) is not null;

    /// <summary>The configured client.</summary>
    /// <exception cref="ProviderException">FailedPrecondition: the provider has not been configured yet.</exception>
    public IVpcepClient Client => Volatile.Read(ref _client)
        ?? throw new ProviderException(ProviderErrorKind.FailedPrecondition,
            "The otc provider is not configured yet: the engine must call Configure before any resource operation.");

    /// <summary>Installs <paramref name="client"/>, disposing the one it replaces.</summary>
    public void Set(IVpcepClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Interlocked.Exchange(ref _client, client)?.Dispose();
    }

    public void Dispose() => Interlocked.Exchange(ref _client, null)?.Dispose();
}
