using System.Text.Json;
using Otc.Emulator.Auth;
using Otc.Emulator.Gateway;
using Otc.Emulator.Vpcep;

namespace Otc.Emulator.Admin;

/// <summary>Test controls under <c>/__emulator/</c>: journal, fault rules, run-time settings and token revocation. No authentication.</summary>
internal static class AdminRoutes
{
    public static void Map(
        IEndpointRouteBuilder app, RequestJournal journal, FaultInjector faults, EmulatorSettings settings, CloudStore store, TokenStore tokens, ConnectionCounter connections)
    {
        var admin = app.MapGroup(GatewayMiddleware.AdminPrefix);
        admin.MapGet("/connections", context =>
            JsonWire.WriteAsync(context, 200, new { open = connections.Open, peak = connections.Peak }, JsonWire.AdminOptions));
        admin.MapDelete("/connections", context =>
        {
            connections.ResetPeak();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        admin.MapGet("/resources", context =>
        {
            var (services, endpoints) = store.Counts();
            return JsonWire.WriteAsync(context, 200, new { services, endpoints }, JsonWire.AdminOptions);
        });
        admin.MapGet("/journal", context => JsonWire.WriteAsync(context, 200, journal.Entries, JsonWire.JournalOptions));
        admin.MapDelete("/journal", context =>
        {
            journal.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        admin.MapPost("/faults", async context =>
        {
            var rule = await ReadAsync<FaultRule>(context);
            if (rule is null)
            {
                context.Response.StatusCode = 400;
                return;
            }

            try
            {
                faults.Add(rule);
            }
            catch (ArgumentException)
            {
                await JsonWire.WriteAsync(context, 400, new { error = "path is not a valid regular expression" }, JsonWire.AdminOptions);
                return;
            }

            await JsonWire.WriteAsync(context, 201, rule, JsonWire.AdminOptions);
        });
        admin.MapDelete("/faults", context =>
        {
            faults.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        admin.MapPost("/tokens/revoke", context =>
            JsonWire.WriteAsync(context, 200, new { revoked = tokens.RevokeIssued() }, JsonWire.AdminOptions));
        admin.MapGet("/settings", context => JsonWire.WriteAsync(context, 200, Describe(settings), JsonWire.AdminOptions));
        admin.MapPost("/settings", async context =>
        {
            var change = await ReadAsync<SettingsChange>(context);
            if (change is null)
            {
                context.Response.StatusCode = 400;
                return;
            }

            Apply(change, settings);
            await JsonWire.WriteAsync(context, 200, Describe(settings), JsonWire.AdminOptions);
        });
    }

    private static void Apply(SettingsChange change, EmulatorSettings settings)
    {
        if (change.CreateDelayMs is { } createDelay)
        {
            settings.CreateDelay = TimeSpan.FromMilliseconds(createDelay);
        }

        if (change.DeleteDelayMs is { } deleteDelay)
        {
            settings.DeleteDelay = TimeSpan.FromMilliseconds(deleteDelay);
        }

        if (change.FailCreates is { } failCreates)
        {
            settings.FailCreates = failCreates;
        }

        if (change.RateLimit is { } rateLimit)
        {
            // 0 switches throttling off again.
            settings.RateLimit = rateLimit > 0 ? rateLimit : null;
        }

        if (change.ServiceNameForm is { } form)
        {
            settings.ServiceNameForm = form;
        }

        if (change.Strict is { } strict)
        {
            settings.Strict = strict;
        }

        if (change.PageCap is { } pageCap)
        {
            // 0 switches the cap off again.
            settings.PageCap = pageCap > 0 ? pageCap : null;
        }
    }

    private static SettingsChange Describe(EmulatorSettings settings) => new(
        (int)settings.CreateDelay.TotalMilliseconds,
        (int)settings.DeleteDelay.TotalMilliseconds,
        settings.FailCreates,
        settings.RateLimit ?? 0,
        settings.ServiceNameForm,
        settings.Strict,
        settings.PageCap ?? 0);

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, JsonWire.AdminOptions, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record SettingsChange(int? CreateDelayMs, int? DeleteDelayMs, bool? FailCreates, int? RateLimit, ServiceNameForm? ServiceNameForm, bool? Strict, int? PageCap);
}
