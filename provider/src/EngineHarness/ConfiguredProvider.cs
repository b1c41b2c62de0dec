using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>A provider resource after bring-up: its id, the checked config the engine stores as its outputs, and Configure's answer.</summary>
public sealed record ConfiguredProvider(string Urn, string Id, PropertyMap CheckedConfig, ConfigureResponse Response);
