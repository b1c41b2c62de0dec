using Otc.EmulatorHarness;
using Otc.EngineHarness;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>The binary behaves as a plugin under the engine: port handshake, logs to the engine, clean exit on SIGINT.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ProviderProcessTests
{
    [Test]
    public async Task StatusLinesOfAWaitReachTheEngineAsEphemeralLogsOfTheResource()
    {
        await using var env = await LifecycleEnvironment.StartAsync();
        var stack = env.NewStack();

        await stack.UpAsync("logged", ServiceInputs.Base(ServiceInputs.NewPortId()));
        await stack.DestroyAsync("logged");

        var statusLines = env.Provider.Logs.Where(log => log.Ephemeral && log.Urn == stack.UrnOf("logged")).ToList();
        Assert.That(statusLines, Is.Not.Empty, () => "logs received: " + string.Join(" | ", env.Provider.Logs));
        Assert.That(statusLines.Select(log => log.Message), Has.Some.Contains("available"));
        Assert.That(env.Provider.Logs.Select(log => log.Message), Has.None.Contains(Otc.Emulator.EmulatorAccounts.SecretKey));
    }

    [Test]
    public async Task ApiTrafficGoesToTheEngineDebugLogOnStderrWithoutSecrets()
    {
        await using var env = await LifecycleEnvironment.StartAsync();
        var stack = env.NewStack();

        await stack.UpAsync("traced", ServiceInputs.Base(ServiceInputs.NewPortId()));
        await stack.DestroyAsync("traced");

        // The engine keeps a plugin's stderr in its debug log: the calls are there, the credentials are not.
        var stderr = env.Provider.StandardError;
        Assert.That(stderr, Does.Contain("POST /v1/").And.Contain("/vpc-endpoint-services -> 200"));
        Assert.That(stderr, Does.Contain("DELETE /v1/"));
        Assert.That(stderr, Does.Not.Contain(Otc.Emulator.EmulatorAccounts.SecretKey));
    }

    [Test]
    public async Task ProviderExitsCleanlyOnSigintAndPrintsNothingButThePort()
    {
        var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(ProviderBinary.Locate()));
        var info = await provider.Client.GetPluginInfoAsync(new Google.Protobuf.WellKnownTypes.Empty());

        await provider.DisposeAsync();

        Assert.That(info.Version, Is.EqualTo(File.ReadAllText(Path.Combine(ProviderBinary.RepositoryRoot(), "VERSION")).Trim()));
        Assert.That(provider.HandshakeResponse, Is.Not.Null);
        Assert.That(provider.HasExited, Is.True);
        Assert.That(provider.ExitCode, Is.Zero);
        Assert.That(provider.StandardOutputAfterPort, Is.Empty);
    }

    [Test]
    public async Task ProviderStartedWithSigintIgnoredStillExitsCleanlyOnTheEnginesSigint()
    {
        // What a CI job or `pulumi up &` in a script hands down: SIGINT ignored. The engine still stops plugins with it.
        var launch = new ProviderLaunch
        {
            FileName = "/bin/sh",
            LeadingArguments = ["-c", "trap '' INT; exec \"$0\" \"$@\"", Path.GetFullPath(ProviderBinary.Locate())],
        };
        var provider = await ProviderProcess.StartAsync(launch);
        var caughtSignals = File.ReadAllLines($"/proc/{provider.ProcessId}/status").Single(line => line.StartsWith("SigCgt:", StringComparison.Ordinal));

        await provider.DisposeAsync();

        Assert.That(provider.HasExited, Is.True);
        Assert.That(provider.ExitCode, Is.Zero, "exited through its own SIGINT handler, not killed after the grace period");
        Assert.That(Convert.ToUInt64(caughtSignals["SigCgt:".Length..].Trim(), 16) & 0b10, Is.Not.Zero, "SIGINT (bit 1) is caught");
    }
}
