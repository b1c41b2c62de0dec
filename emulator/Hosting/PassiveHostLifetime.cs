namespace Otc.Emulator.Hosting;

/// <summary>
/// Replaces the console lifetime: the emulator must not grab Ctrl+C or print start-up messages when it is
/// hosted inside a test process. The executable handles signals itself.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
