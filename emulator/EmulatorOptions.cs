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

    /// <summary>Which form of a service's name the API answers; see <see cref="Emulator.ServiceNameForm"/>.</summary>
    public ServiceNameForm ServiceNameForm { get; init; } = ServiceNameForm.Full;

    /// <summary>
    /// Takes the harsh reading wherever the API reference is silent or contradicts itself (README, "Strict mode"):
    /// modify defaults applied to omitted fields, refused repeated deletes, <c>iam:domain::</c> permissions only,
    /// throttling as <c>400 EndPoint.0022</c>, and the other rows of that table.
    /// </summary>
    public bool Strict { get; init; }
}

/// <summary>
/// The API reference describes a service's name as <c>{region}.{name}.{id}</c> (<c>{region}.{id}</c> when unnamed), and
/// clients tested against the live cloud see that form; the reference's example answers show the bare name
/// (<c>"test123"</c>). The emulator answers either, so clients are tested against both.
/// </summary>
public enum ServiceNameForm
{
    /// <summary><c>{region}.{name}.{id}</c>, or <c>{region}.{id}</c> for an unnamed service.</summary>
    Full,

    /// <summary>The bare name, as in the documented examples; an empty string for an unnamed service.</summary>
    Short,
}
