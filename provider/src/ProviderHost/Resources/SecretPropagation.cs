using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>
/// Because the host accepts secrets, the engine no longer re-applies secretness to outputs: we must.
/// A top-level output is secret when the same-named input held a secret anywhere inside it, or when
/// the schema marks the property secret.
/// </summary>
internal static class SecretPropagation
{
    public static PropertyMap Apply(PropertyMap outputs, IReadOnlyList<PropertyMap> secretSources, IReadOnlySet<string> schemaSecrets) =>
        PropertyMap.From(outputs.Select(pair => KeyValuePair.Create(
            pair.Key,
            ShouldBeSecret(pair.Key, secretSources, schemaSecrets) ? pair.Value.WithSecret() : pair.Value)));

    private static bool ShouldBeSecret(string key, IReadOnlyList<PropertyMap> secretSources, IReadOnlySet<string> schemaSecrets) =>
        schemaSecrets.Contains(key) || secretSources.Any(source => source.TryGetValue(key, out var value) && value.ContainsSecrets());
}
