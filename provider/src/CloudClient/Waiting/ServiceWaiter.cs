using System.Diagnostics;

namespace Otc.CloudClient;

/// <summary>Polls an endpoint service until it is available or gone, with a growing interval and a deadline.</summary>
public static class ServiceWaiter
{
    public const string DeletedStatus = "deleted";

    /// <summary>Right after a create, a GET can briefly miss the new service; this many 404s in a row are tolerated.</summary>
    private const int TolerableMissingReads = 3;

    /// <summary>Waits for <c>available</c>.</summary>
    /// <exception cref="ServiceFailedException">The service reached <c>failed</c>.</exception>
    /// <exception cref="WaitTimeoutException">The deadline passed; carries the last service read.</exception>
    public static async Task<EndpointService> WaitForAvailableAsync(
        IVpcepClient client, string serviceId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        EndpointService? last = null;
        var missingReads = 0;
        var poller = new Poller(policy ?? new WaitPolicy(), timeout);
        while (true)
        {
            try
            {
                last = await client.GetServiceAsync(serviceId, ct).ConfigureAwait(false);
                missingReads = 0;
            }
            catch (OtcApiException ex) when (ex.IsNotFound && ++missingReads < TolerableMissingReads)
            {
                progress?.Report(poller.Report(serviceId, DeletedStatus));
                await WaitOrTimeOutAsync(poller, serviceId, "available", timeout, last, ct).ConfigureAwait(false);
                continue;
            }

            var status = last.Status ?? "";
            progress?.Report(poller.Report(serviceId, status));
            if (string.Equals(status, "available", StringComparison.OrdinalIgnoreCase))
            {
                return last;
            }

            if (string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase))
            {
                throw new ServiceFailedException(last);
            }

            await WaitOrTimeOutAsync(poller, serviceId, "available", timeout, last, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the service answers 404.</summary>
    /// <exception cref="WaitTimeoutException">The deadline passed; carries the last service read.</exception>
    public static async Task WaitForDeletedAsync(
        IVpcepClient client, string serviceId, TimeSpan timeout, IProgress<WaitProgress>? progress, CancellationToken ct, WaitPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        EndpointService? last = null;
        var poller = new Poller(policy ?? new WaitPolicy(), timeout);
        while (true)
        {
            try
            {
                last = await client.GetServiceAsync(serviceId, ct).ConfigureAwait(false);
            }
            catch (OtcApiException ex) when (ex.IsNotFound)
            {
                progress?.Report(poller.Report(serviceId, DeletedStatus));
                return;
            }

            progress?.Report(poller.Report(serviceId, last.Status ?? ""));
            await WaitOrTimeOutAsync(poller, serviceId, DeletedStatus, timeout, last, ct).ConfigureAwait(false);
        }
    }

    private static async Task WaitOrTimeOutAsync(Poller poller, string serviceId, string awaited, TimeSpan timeout, EndpointService? last, CancellationToken ct)
    {
        var delay = poller.NextDelay();
        if (delay is null)
        {
            throw new WaitTimeoutException(serviceId, awaited, timeout, last);
        }

        await Task.Delay(delay.Value, ct).ConfigureAwait(false);
    }

    /// <summary>Tracks attempts, elapsed time and the growing interval; never sleeps past the deadline.</summary>
    private sealed class Poller(WaitPolicy policy, TimeSpan timeout)
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private TimeSpan _interval = policy.InitialDelay;
        private int _attempt;

        public WaitProgress Report(string serviceId, string status) => new(serviceId, status, Stopwatch.GetElapsedTime(_started), ++_attempt);

        /// <summary>The next sleep, shortened to end at the deadline; null when the deadline has passed.</summary>
        public TimeSpan? NextDelay()
        {
            var remaining = timeout - Stopwatch.GetElapsedTime(_started);
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            var delay = _interval < remaining ? _interval : remaining;
            var grown = TimeSpan.FromTicks((long)(_interval.Ticks * Math.Max(1.0, policy.Factor)));
            _interval = grown > policy.MaxDelay ? policy.MaxDelay : grown;
            return delay;
        }
    }
}
