namespace Otc.Bench.Startup;

/// <summary>One measured start: until the port line appeared, and until the first GetPluginInfo was answered.</summary>
internal readonly record struct StartupSample(TimeSpan ToPortLine, TimeSpan ToFirstAnswer);
