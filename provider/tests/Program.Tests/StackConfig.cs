using System.Text.Json;
using Otc.ProviderHost.Values;

namespace Otc.Program.Tests;

/// <summary>
/// A stack's configuration (<c>Pulumi.&lt;stack&gt;.yaml</c>): full keys (<c>namespace:key</c>) to string values, some
/// of them secret. The program gets it the way the language host hands it over; a package's default provider gets
/// its namespace the way the engine hands it over.
/// </summary>
internal sealed class StackConfig(IReadOnlyDictionary<string, string> values, IReadOnlySet<string>? secretKeys = null)
{
    private readonly IReadOnlySet<string> _secretKeys = secretKeys ?? new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Sets <c>PULUMI_CONFIG</c> and <c>PULUMI_CONFIG_SECRET_KEYS</c>, which a deployment reads when it starts. They
    /// are process-wide, so programs run one at a time (Pulumi's test framework asks for that anyway). Disposing
    /// restores the previous values.
    /// </summary>
    public IDisposable ApplyToProgram() => new ProgramEnvironment(
        JsonSerializer.Serialize(values), JsonSerializer.Serialize(_secretKeys.Order(StringComparer.Ordinal)));

    /// <summary>The keys of <paramref name="package"/>'s namespace without it, as strings, secret where the stack says so.</summary>
    public PropertyMap ProviderConfig(string package) => PropertyMap.From(values
        .Where(pair => pair.Key.StartsWith(package + ":", StringComparison.Ordinal))
        .Select(pair => KeyValuePair.Create(
            pair.Key[(package.Length + 1)..],
            PropertyValue.From(pair.Value).WithSecret(_secretKeys.Contains(pair.Key)))));

    private sealed class ProgramEnvironment : IDisposable
    {
        private const string ConfigVariable = "PULUMI_CONFIG";
        private const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

        private readonly string? _previousConfig = Environment.GetEnvironmentVariable(ConfigVariable);
        private readonly string? _previousSecretKeys = Environment.GetEnvironmentVariable(SecretKeysVariable);
        private bool _disposed;

        public ProgramEnvironment(string config, string secretKeys)
        {
            Environment.SetEnvironmentVariable(ConfigVariable, config);
            Environment.SetEnvironmentVariable(SecretKeysVariable, secretKeys);
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Environment.SetEnvironmentVariable(ConfigVariable, _previousConfig);
            Environment.SetEnvironmentVariable(SecretKeysVariable, _previousSecretKeys);
        }
    }
}
