using System.Collections.Concurrent;
using Otc.EngineHarness;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;
using Pulumi.Testing;

namespace Otc.Program.Tests.EndToEnd;

/// <summary>
/// <see cref="IMocks"/> that play the engine's part with real provider plugins. Each explicit provider the program
/// declares, and the default provider of each package it uses, is a plugin process of its own, brought up with
/// CheckConfig and Configure (an explicit provider with the inputs the SDK sent, a default provider with the stack
/// config of its package). Each other resource goes through its provider's Check and Create, and the provider's
/// outputs, secrets included, go back to the program; each function call goes to its provider's Invoke. Nothing here
/// knows a resource type or a function: any of any package that has a plugin in <c>plugins</c> is forwarded.
/// </summary>
internal sealed class ProviderForwardingMocks(
    IReadOnlyDictionary<string, ProviderLaunch> plugins, StackConfig stackConfig, string project, string stack) : IMocks, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Plugin>>> _defaultProviders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Plugin> _explicitProviders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ForwardedRegistration> _registrations = new();
    private readonly ConcurrentQueue<Plugin> _started = new();
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>The function tokens the program invoked, in order.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Every registration, in the order the program made them.</summary>
    public IReadOnlyList<ForwardedRegistration> Registrations => [.. _registrations];

    /// <summary>The provider resources (URNs) a plugin process was started and configured for.</summary>
    public IReadOnlyList<string> ConfiguredProviders => [.. _started.Select(plugin => plugin.Configured.Urn)];

    /// <summary>What the plugins wrote to stderr (the engine's debug log).</summary>
    public string PluginStandardError => string.Concat(_started.Select(plugin => plugin.Process.StandardError));

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var type = args.Type ?? throw new ArgumentException("a registration without a type", nameof(args));
        var name = args.Name ?? throw new ArgumentException("a registration without a name", nameof(args));
        var inputs = MockValues.ToPropertyMap(args.Inputs);
        _registrations.Enqueue(new ForwardedRegistration(type, name, inputs, args.Provider));

        if (ProviderTypes.IsProvider(type))
        {
            // The engine brings an explicit provider up itself; its outputs are its checked config, its id a fresh one.
            var provider = await StartAsync(type, name, inputs).ConfigureAwait(false);
            _explicitProviders[provider.Configured.Id] = provider;
            return (provider.Configured.Id, MockValues.ToState(provider.Configured.CheckedConfig));
        }

        var plugin = string.IsNullOrEmpty(args.Provider)
            ? await DefaultProviderAsync(ProviderTypes.PackageOf(type)).ConfigureAwait(false)
            : ExplicitProvider(args.Provider);
        var step = await plugin.Stack.UpAsync(type, name, inputs).ConfigureAwait(false);
        return (step.Id, MockValues.ToState(step.Outputs ?? PropertyMap.Empty));
    }

    /// <summary>A function call goes to its provider's Invoke, as the engine sends it; failures it reports fail the program.</summary>
    public async Task<object> CallAsync(MockCallArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var token = args.Token ?? throw new ArgumentException("a call without a token", nameof(args));
        var plugin = string.IsNullOrEmpty(args.Provider)
            ? await DefaultProviderAsync(ProviderTypes.PackageOf(token)).ConfigureAwait(false)
            : ExplicitProvider(args.Provider);
        var response = await plugin.Process.Client.InvokeAsync(new InvokeRequest
        {
            Tok = token,
            Args = PropertyCodec.Encode(MockValues.ToPropertyMap(args.Args)),
        }).ResponseAsync.ConfigureAwait(false);
        _calls.Enqueue(token);
        if (response.Failures.Count > 0)
        {
            throw new InvalidOperationException($"{token} failed: {string.Join("; ", response.Failures.Select(failure => $"{failure.Property}: {failure.Reason}"))}");
        }

        return MockValues.ToState(PropertyCodec.Decode(response.Return));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var plugin in _started)
        {
            await plugin.Process.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task<Plugin> DefaultProviderAsync(string package) =>
        _defaultProviders.GetOrAdd(package, key => new Lazy<Task<Plugin>>(
            () => StartAsync(ProviderTypes.Of(key), "default", stackConfig.ProviderConfig(key)))).Value;

    private Plugin ExplicitProvider(string reference)
    {
        // A provider reference is "<urn>::<id>"; the id is what the mock handed out when the provider registered.
        var id = reference[(reference.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
        return _explicitProviders.TryGetValue(id, out var plugin)
            ? plugin
            : throw new InvalidOperationException($"the resource names provider {reference}, which the program never registered");
    }

    private async Task<Plugin> StartAsync(string providerType, string name, PropertyMap config)
    {
        var package = ProviderTypes.PackageOf(providerType);
        var launch = plugins.TryGetValue(package, out var found)
            ? found
            : throw new InvalidOperationException($"no plugin for package '{package}' (known: {string.Join(", ", plugins.Keys)})");
        var process = await ProviderProcess.StartAsync(launch).ConfigureAwait(false);
        try
        {
            var simulator = new EngineSimulator(process, project, stack);
            var configured = await simulator.ConfigureProviderAsync(package, name, config).ConfigureAwait(false);
            var plugin = new Plugin(process, configured, simulator);
            _started.Enqueue(plugin);
            return plugin;
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>One configured plugin process, with the engine's view of the resources it manages, of every type.</summary>
    private sealed record Plugin(ProviderProcess Process, ConfiguredProvider Configured, EngineSimulator Stack);
}
