using Otc.ProviderHost.Protocol;

namespace Otc.EngineHarness;

/// <summary>One <c>Engine.Log</c> call the provider made, as the fake engine received it.</summary>
public sealed record CapturedLog(LogSeverity Severity, string Message, string Urn, bool Ephemeral);
