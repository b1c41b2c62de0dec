using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>How a clean failure is classified. Every kind maps to a gRPC status that tells the engine the resource state is known.</summary>
public enum ProviderErrorKind
{
    InvalidInput,
    NotFound,
    Conflict,
    FailedPrecondition,
    Unauthenticated,
    PermissionDenied,
    Unavailable,
    Timeout,
    QuotaExceeded,
}

/// <summary>A clean, expected failure (bad input, a cloud error): the resource is exactly as before the call.</summary>
public class ProviderException(ProviderErrorKind kind, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public ProviderErrorKind Kind { get; } = kind;
}

/// <summary>
/// The resource exists (it was created, or an update was partly applied) but the operation failed afterwards.
/// The host answers with Pulumi's <c>ErrorResourceInitFailed</c> detail so the engine records the id and live state.
/// </summary>
public sealed class ResourceInitFailedException(
    string id,
    PropertyMap state,
    IReadOnlyList<string> reasons,
    Exception? innerException = null)
    : Exception(string.Join("; ", reasons), innerException)
{
    public string Id { get; } = id;

    /// <summary>The live outputs as far as they are known (not the desired ones: a retry must see the gap).</summary>
    public PropertyMap State { get; } = state;

    public IReadOnlyList<string> Reasons { get; } = reasons;

    /// <summary>Inputs to record (used by Read); null keeps the engine's choice.</summary>
    public PropertyMap? Inputs { get; init; }

    /// <summary>Asks the engine to refresh the resource before its next update.</summary>
    public bool RefreshBeforeUpdate { get; init; } = true;
}

/// <summary>Required provider configuration is absent; the host returns Pulumi's missing-keys error detail.</summary>
public sealed class MissingConfigurationException(IReadOnlyList<MissingConfigurationKey> keys)
    : Exception("missing required configuration: " + string.Join(", ", keys.Select(k => k.Name)))
{
    public IReadOnlyList<MissingConfigurationKey> Keys { get; } = keys;
}

public sealed record MissingConfigurationKey(string Name, string Description);

/// <summary>Turns exceptions from lower layers (e.g. a cloud client) into clean provider errors. Return null for "not mine".</summary>
public interface IExceptionTranslator
{
    ProviderException? Translate(Exception exception);
}
