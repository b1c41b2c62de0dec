using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Otc.CloudClient;

/// <summary>
/// Sends one logical call with authentication, a per-attempt timeout and bounded retries. Every attempt first waits for
/// its turn at the client's <see cref="ThrottlePacer"/>, then for a free connection (<see cref="ConnectionSlots"/>);
/// its timeout starts only then. Throttling answers are retried for up to
/// <see cref="RetrySettings.ThrottleBudget"/> and do not count as failures; failures (5xx, timeouts, connection errors)
/// are retried up to <see cref="RetrySettings.MaxRetries"/> times where repeating is safe.
/// Success (2xx) returns the read body; an error status becomes <see cref="OtcApiException"/>,
/// unusable transport after the last attempt becomes <see cref="OtcTransportException"/>.
/// </summary>
internal sealed class OtcTransport(HttpMessageInvoker http, RetrySettings retry, ThrottlePacer pacer, ConnectionSlots connections, Action<string>? log)
{
    private const string RequestIdHeader = "X-Request-Id";

    public RetrySettings Retry => retry;

    public ConnectionSlots Connections => connections;

    public async Task<OtcResponse> SendAsync(OtcRequest request, IRequestAuthenticator? authenticator, CancellationToken ct)
    {
        var renewedCredentials = false;
        var failures = 0;
        var throttles = 0;
        var firstThrottle = 0L;
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            // Queueing for a turn is not part of the attempt, so it does not eat into the attempt's timeout.
            var releasedAt = await pacer.WaitTurnAsync(ct).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            TimeSpan? delay;
            Exception failure;
            var throttled = false;
            try
            {
                using var message = BuildMessage(request);
                if (authenticator is not null)
                {
                    // Signing may fetch a token through this transport, so it happens before a connection slot is held.
                    using var signing = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    signing.CancelAfter(retry.AttemptTimeout);
                    await authenticator.ApplyAsync(message, request.Body ?? [], signing.Token).ConfigureAwait(false);
                }

                // Neither is waiting for a connection: the attempt's timeout starts once the request has one.
                Answer answer;
                var slot = await connections.TakeAsync(request.Uri, ct).ConfigureAwait(false);
                started = Stopwatch.GetTimestamp();
                try
                {
                    using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    attemptCts.CancelAfter(retry.AttemptTimeout);
                    using var response = await http.SendAsync(message, attemptCts.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(attemptCts.Token).ConfigureAwait(false);
                    answer = new Answer((int)response.StatusCode, body, CollectHeaders(response), RetryAfter(response));
                }
                finally
                {
                    // Given back before anything below can call out (a token renewal needs a slot of its own).
                    slot.Dispose();
                }

                var status = answer.Status;
                Log($"{request.Method} {request.Uri.AbsolutePath} -> {status} (attempt {attempt}, {Elapsed(started)} ms)");
                if (status is >= 200 and < 300)
                {
                    pacer.OnAnswered(releasedAt);
                    return new OtcResponse(status, answer.Body, answer.Headers);
                }

                var error = ToApiException(request.Operation, answer);
                if (RetryClassifier.IsThrottling(status, error.ErrorCode))
                {
                    // Refused before it did anything: safe to repeat for any call, bounded by time rather than by count.
                    pacer.OnThrottled(releasedAt, answer.RetryAfter);
                    throttles++;
                    firstThrottle = throttles == 1 ? started : firstThrottle;
                    var wait = answer.RetryAfter ?? retry.BackoffFor(throttles);
                    if (Stopwatch.GetElapsedTime(firstThrottle) + wait > retry.ThrottleBudget)
                    {
                        Log($"{request.Method} {request.Uri.AbsolutePath} still throttled after {throttles} attempt(s); throttle budget {retry.ThrottleBudget} spent");
                        throw error;
                    }

                    failure = error;
                    delay = wait;
                    throttled = true;
                }
                else
                {
                    pacer.OnAnswered(releasedAt);
                    if (status == 401 && authenticator is not null && !renewedCredentials
                        && await authenticator.RenewAfterUnauthorizedAsync(message, ct).ConfigureAwait(false))
                    {
                        // A rejected token gets one fresh attempt that does not count against the retry budget.
                        renewedCredentials = true;
                        continue;
                    }

                    if (++failures > retry.MaxRetries || !RetryClassifier.IsRetryableFailure(status, request.Idempotent))
                    {
                        throw error;
                    }

                    failure = error;
                    delay = answer.RetryAfter;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Log($"{request.Method} {request.Uri.AbsolutePath} cancelled (attempt {attempt}, {Elapsed(started)} ms)");
                throw;
            }
            catch (OperationCanceledException ex)
            {
                // Our own per-attempt timeout: the server may or may not have acted on the request.
                Log($"{request.Method} {request.Uri.AbsolutePath} timed out (attempt {attempt}, {Elapsed(started)} ms)");
                failure = new TimeoutException($"{request.Operation} did not answer within {retry.AttemptTimeout}.", ex);
                if (++failures > retry.MaxRetries || !request.Idempotent)
                {
                    throw TransportFailure(request, attempt, failure);
                }

                delay = null;
            }
            catch (HttpRequestException ex)
            {
                Log($"{request.Method} {request.Uri.AbsolutePath} connection failed: {ex.HttpRequestError} (attempt {attempt}, {Elapsed(started)} ms)");
                failure = ex;
                if (++failures > retry.MaxRetries || !(request.Idempotent || RetryClassifier.NeverSent(ex)))
                {
                    throw TransportFailure(request, attempt, failure);
                }

                delay = null;
            }

            var backoff = delay ?? retry.BackoffFor(failures);
            Log(throttled
                ? $"{request.Method} {request.Uri.AbsolutePath} throttled; retrying in {(long)backoff.TotalMilliseconds} ms"
                : $"{request.Method} {request.Uri.AbsolutePath} retrying in {(long)backoff.TotalMilliseconds} ms after {failure.GetType().Name}");
            await Task.Delay(backoff, ct).ConfigureAwait(false);
        }
    }

    private static HttpRequestMessage BuildMessage(OtcRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static OtcApiException ToApiException(string operation, Answer answer)
    {
        var (code, message, bodyRequestId) = ErrorBodyParser.Parse(answer.Body);
        var requestId = answer.Headers.TryGetValue(RequestIdHeader, out var value) ? value : null;
        return new OtcApiException(operation, answer.Status, code, message, requestId ?? bodyRequestId);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : (wait > retry.MaxRetryAfter ? retry.MaxRetryAfter : wait);
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = string.Join(",", values);
        }

        return headers;
    }

    private static OtcTransportException TransportFailure(OtcRequest request, int attempts, Exception last)
        => new(request.Operation, $"{request.Operation} failed after {attempts} attempt(s): {last.Message}", last);

    private static string Elapsed(long started)
        => Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    public void Log(string line) => log?.Invoke(line);

    /// <summary>What one attempt brought back, read in full while it held its connection slot.</summary>
    private sealed record Answer(int Status, string Body, Dictionary<string, string> Headers, TimeSpan? RetryAfter);
}
