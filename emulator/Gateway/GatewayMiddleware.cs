using System.Text;
using System.Text.RegularExpressions;
using Otc.Emulator.Auth;
using Otc.Emulator.Iam;

namespace Otc.Emulator.Gateway;

/// <summary>
/// Plays the API gateway in front of VPCEP and IAM: request id, journal, injected faults, throttling,
/// authentication and error bodies. Admin calls under <c>/__emulator/</c> pass straight through.
/// </summary>
internal sealed partial class GatewayMiddleware(
    RequestDelegate next,
    RequestJournal journal,
    FaultInjector faults,
    EmulatorSettings settings,
    RateLimiter rateLimiter,
    Authenticator authenticator,
    IHostApplicationLifetime lifetime)
{
    public const string AdminPrefix = "/__emulator";

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("N");
        context.Response.Headers["X-Request-Id"] = requestId;
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(AdminPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var body = await ReadBodyAsync(context);
        var request = new RequestContext(requestId, body) { ProjectId = PathProject(path) };
        request.Attach(context);
        var sequence = journal.BeginRequest();
        var recorded = 0;

        // What the client sent, even if a fault answers as if it had not.
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty;

        // Recorded before the client can see the outcome (as the response starts, or before a drop), so a client
        // that has its answer always finds the request in the journal.
        void Record(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                journal.Complete(sequence, new JournalEntry(
                    context.Request.Method,
                    path,
                    query,
                    JournalBody(path, body),
                    status,
                    request.ProjectId ?? request.Caller?.ProjectId));
            }
        }

        context.Response.OnStarting(() =>
        {
            Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        var status = 0;
        try
        {
            status = await HandleAsync(context, request, path, Record);
        }
        finally
        {
            Record(status);
        }
    }

    /// <summary>Returns the status answered, or 0 when the connection was dropped.</summary>
    private async Task<int> HandleAsync(HttpContext context, RequestContext request, string path, Action<int> recordDrop)
    {
        var fault = faults.Match(context.Request.Method, path);
        if (fault is { DropResponse: true })
        {
            return await HandleThenDropAsync(context, request, path, fault, recordDrop);
        }

        return await AnswerAsync(context, request, path, fault, recordDrop);
    }

    /// <summary>
    /// Carries the request out with its answer written to a buffer, then aborts the connection: the journal shows the
    /// status the cloud decided on, the client sees a reset connection.
    /// </summary>
    private async Task<int> HandleThenDropAsync(HttpContext context, RequestContext request, string path, FaultRule fault, Action<int> recordDrop)
    {
        var realBody = context.Response.Body;
        using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        int status;
        try
        {
            status = await AnswerAsync(context, request, path, fault with { DropResponse = false }, recordDrop);
        }
        finally
        {
            context.Response.Body = realBody;
        }

        recordDrop(status);
        context.Abort();
        return 0;
    }

    private async Task<int> AnswerAsync(HttpContext context, RequestContext request, string path, FaultRule? fault, Action<int> recordDrop)
    {
        try
        {
            if (fault is not null)
            {
                if (fault.LatencyMs is > 0)
                {
                    // A long injected delay must not hold up stopping the emulator.
                    using var delay = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
                    await Task.Delay(fault.LatencyMs.Value, delay.Token);
                }

                if (fault.Drop)
                {
                    recordDrop(0);
                    context.Abort();
                    return 0;
                }

                if (fault.Status is { } injected)
                {
                    throw new ApiError(injected, fault.ErrorCode ?? "EndPoint.0001", fault.ErrorMsg ?? "System error. Please retry.");
                }
            }

            if (settings.RateLimit is > 0 and var limit
                && !rateLimiter.TryAcquire(request.ProjectId ?? context.Request.Headers["X-Project-Id"].ToString(), limit))
            {
                // The error appendix also lists the service's own refusal for the same reason; strict mode answers that one.
                throw settings.Strict
                    ? ApiError.BadRequest(ApiError.ServiceThrottled, "The number of requests exceeded the limit. Please try later.")
                    : new ApiError(429, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit.");
            }

            if (context.GetEndpoint() is null)
            {
                throw new ApiError(404, "APIGW.0101", "The API does not exist or has not been published in the environment.");
            }

            if (RequiresAuthentication(context.Request.Method, path))
            {
                request.Caller = authenticator.Authenticate(context, request.Body, request.ProjectId);
            }

            if (fault is { IgnoreOffset: true })
            {
                // After the signature check, which covers the query the client sent.
                context.Request.QueryString = QueryString.Create(context.Request.Query
                    .Where(parameter => parameter.Key != "offset")
                    .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value))));
            }

            await next(context);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, error, request.RequestId);
        }
        catch (KeystoneError error) when (!context.Response.HasStarted)
        {
            await JsonWire.WriteAsync(context, error.Status, new { error = new { code = error.Status, message = error.Message, title = error.Title } });
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            context.Abort();
            return 0;
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"otc-emulator: internal error on {context.Request.Method} {path}: {error.GetType().Name}");
            await WriteErrorAsync(context, new ApiError(500, "EndPoint.0001", "System error. Please retry."), request.RequestId);
        }

        return context.Response.StatusCode;
    }

    private static Task WriteErrorAsync(HttpContext context, ApiError error, string requestId)
    {
        object body = error.IsGateway
            ? new { error_code = error.Code, error_msg = error.Message, request_id = requestId }
            : new { error_code = error.Code, error_msg = error.Message };
        return JsonWire.WriteAsync(context, error.Status, body);
    }

    private static bool RequiresAuthentication(string method, string path) =>
        !(method == HttpMethods.Get && path is "/" or "/v1" or "/v1/")
        && !(method == HttpMethods.Post && path == IamRoutes.TokensPath);

    private static string? PathProject(string path)
    {
        var match = ProjectPathPattern().Match(path);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        // Kestrel's MaxRequestBodySize (12 MB, the documented signing limit) stops larger bodies with 413.
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>The journal keeps bodies for assertions, but never a password.</summary>
    private static string JournalBody(string path, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return path == IamRoutes.TokensPath ? PasswordPattern().Replace(text, "\"password\":\"***\"") : text;
    }

    [GeneratedRegex("^/v1/([^/]+)/.+", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPathPattern();

    [GeneratedRegex("\"password\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPattern();
}
