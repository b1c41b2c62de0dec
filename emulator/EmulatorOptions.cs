namespace Otc.Emulator;

/// <summary>Start-up options of one emulator instance (the command line maps onto these).</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; init; }

    public string Region { get; init; } = "eu-de";

    /// <summary>JSON file the state is loaded from at start and saved to after every change; null keeps state in memory.</summary>
    public string? StatePath { get; init; }

    public TimeSpan CreateDelay { get; init; } = TimeSpan.FromMilliseconds(1500);

    public TimeSpan DeleteDelay { get; init; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>Maximum requests per second and project before answering 429 APIGW.0308; null means unlimited.</summary>
    public int? RateLimit { get; init; }

    /// <summary>Lifetime of tokens issued by POST /v3/auth/tokens.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The emulator's clock: signature skew, timestamps and lifecycle transitions all read it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Endpoint services allowed per project (OTC default 20).</summary>
    public int ServiceQuota { get; init; } = 20;

    /// <summary>VPC endpoints allowed per project (OTC default 50).</summary>
    public int EndpointQuota { get; init; } = 50;
}
