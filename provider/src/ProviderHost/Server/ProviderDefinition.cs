using Otc.ProviderHost.Configuration;
using Otc.ProviderHost.Resources;

namespace Otc.ProviderHost.Server;

/// <summary>Everything the host serves: identity, schema, configuration and the handlers by token.</summary>
public sealed record ProviderDefinition
{
    /// <summary>The package name, e.g. <c>otc</c>; used in config keys (<c>otc:config:x</c>).</summary>
    public required string PackageName { get; init; }

    /// <summary>Reported by GetPluginInfo.</summary>
    public required string Version { get; init; }

    /// <summary>The package schema, returned verbatim by GetSchema and read for replace/secret/config facts.</summary>
    public required string SchemaJson { get; init; }

    /// <summary>Provider configuration; null means the provider takes none.</summary>
    public IProviderConfiguration? Configuration { get; init; }

    public IReadOnlyList<ResourceBinding> Resources { get; init; } = [];

    public IReadOnlyList<FunctionBinding> Functions { get; init; } = [];

    /// <summary>Consulted first for any exception that is not already a <see cref="ProviderException"/>.</summary>
    public IExceptionTranslator? ExceptionTranslator { get; init; }
}
