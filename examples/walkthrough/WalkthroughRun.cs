using System.Diagnostics;
using System.Globalization;
using Otc.CloudClient;
using Otc.EngineHarness;
using Otc.EngineHarness.Emulator;
using Otc.ProviderHost.Values;

namespace Otc.Walkthrough;

/// <summary>
/// The story of one endpoint service under Pulumi: create, update ports in place, update approval and TCP proxy in
/// place, replace on a VPC change, notice and undo drift, destroy. Each step prints the plan, the result and the API
/// calls the emulator saw, and checks that the provider did exactly what the resource's update table promises.
/// </summary>
internal sealed class WalkthroughRun
{
    private const string Type = "otc:vpcep:VpcEndpointService";
    private const string Name = "web";

    private readonly TextWriter _output;
    private readonly EmulatorProcess _emulator;
    private readonly ProviderProcess _provider;
    private readonly EngineSimulator _stack;
    private readonly PlanPrinter _print;
    private readonly Expectations _expect;
    private int _changingCalls;
    private int _readCalls;

    private WalkthroughRun(TextWriter output, EmulatorProcess emulator, ProviderProcess provider)
    {
        _output = output;
        _emulator = emulator;
        _provider = provider;
        _stack = new EngineSimulator(provider, Type, project: "walkthrough", stack: "dev");
        _print = new PlanPrinter(output, Type);
        _expect = new Expectations(output);
    }

    public static async Task<int> RunAsync(string providerPath, string emulatorDll, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        await using var emulator = await EmulatorProcess.StartAsync(emulatorDll, ["--create-delay-ms", "800", "--delete-delay-ms", "500"]);
        output.WriteLine($"emulator:  {emulator.BaseUrl} (dotnet {Path.GetFileName(emulatorDll)}, pid {emulator.ProcessId})");
        await using var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(providerPath));
        output.WriteLine($"provider:  {providerPath} (pid {provider.ProcessId}, gRPC on 127.0.0.1:{provider.Port}, engine at {provider.EngineAddress})");

        var run = new WalkthroughRun(output, emulator, provider);
        try
        {
            await run.ConfigureAsync();
            await run.StepsAsync();
        }
        catch (Exception exception) when (exception is ResourceOperationException or CheckFailedException or InvalidOperationException or OtcApiException)
        {
            run._expect.Expect(false, $"no error, but got {exception.GetType().Name}: {exception.Message}");
        }

        return run.Summarise(clock.Elapsed);
    }

    private async Task ConfigureAsync()
    {
        var config = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["region"] = EmulatorIdentity.Region,
            ["projectId"] = EmulatorIdentity.ProjectId,
            ["accessKey"] = EmulatorIdentity.AccessKey,
            ["secretKey"] = PropertyValue.From(EmulatorIdentity.SecretKey).WithSecret(),
            ["vpcepEndpoint"] = _emulator.BaseUrl.GetLeftPart(UriPartial.Authority),
        });
        await _stack.ConfigureAsync(config);
        _output.WriteLine($"configured: otc:region={EmulatorIdentity.Region} otc:projectId={EmulatorIdentity.ProjectId} otc:accessKey={EmulatorIdentity.AccessKey} otc:secretKey=[secret] otc:vpcepEndpoint={_emulator.BaseUrl.GetLeftPart(UriPartial.Authority)}");
    }

    private async Task StepsAsync()
    {
        var program = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["portId"] = "port-0d1c2b3a",
            ["vpcId"] = "vpc-blue",
            ["serverType"] = "LB",
            ["serviceName"] = "web",
            ["description"] = "web front end",
            ["ports"] = Ports((80, 8080), (443, 8443)),
            ["tags"] = PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue> { ["env"] = "demo" })),
        });

        // 1. Create.
        Begin(1, "create a service with two port mappings");
        var created = await PreviewThenUpAsync(program, StepKind.Create);
        var calls = await TakeCallsAsync();
        _expect.Expect(Count(calls, "POST") == 1 && calls.Any(call => call.Method == "POST" && call.Path.EndsWith("/vpc-endpoint-services", StringComparison.Ordinal)), "one POST creating the service");
        _expect.Expect(created.Outputs?.GetOrNull("status").ValueEquals("available") == true, "the created service is available");
        var firstId = created.Id;

        // 2. Ports change: in place, one PUT with the full port list.
        Begin(2, "change the port mappings (in place)");
        program = program.With("ports", Ports((80, 8080), (443, 9443)));
        await PreviewThenUpAsync(program, StepKind.Update, ["ports"]);
        calls = await TakeCallsAsync();
        var puts = calls.Where(call => call.Method == "PUT").ToList();
        _expect.Expect(puts.Count == 1 && Changing(calls) == 1, "exactly one PUT and no other change");
        _expect.Expect(puts.Count == 1 && puts[0].Body.StartsWith("{\"ports\":", StringComparison.Ordinal) && puts[0].Body.Contains("9443", StringComparison.Ordinal)
            && !puts[0].Body.Contains("approval", StringComparison.Ordinal), "the PUT body holds only the full port list");

        // 3. Approval and TCP proxy: in place, one PUT with only those two fields.
        Begin(3, "require no approval and enable the TOA TCP proxy (in place)");
        program = program.With("approvalEnabled", false).With("tcpProxy", "toa_open");
        await PreviewThenUpAsync(program, StepKind.Update, ["approvalEnabled", "tcpProxy"]);
        calls = await TakeCallsAsync();
        puts = [.. calls.Where(call => call.Method == "PUT")];
        _expect.Expect(puts.Count == 1 && Changing(calls) == 1, "exactly one PUT and no other change");
        _expect.Expect(puts.Count == 1 && puts[0].Body.Contains("approval_enabled", StringComparison.Ordinal) && puts[0].Body.Contains("tcp_proxy", StringComparison.Ordinal)
            && !puts[0].Body.Contains("ports", StringComparison.Ordinal), "the PUT body holds only approval_enabled and tcp_proxy");

        // 4. VPC change: replace.
        Begin(4, "move the service to another VPC (replace)");
        program = program.With("vpcId", "vpc-green");
        var replaced = await PreviewThenUpAsync(program, StepKind.Replace, ["vpcId"]);
        calls = await TakeCallsAsync();
        _expect.Expect(replaced.Diff?.Replaces.SequenceEqual(["vpcId"]) == true, "Diff names vpcId as the replacing property");
        _expect.Expect(replaced.Id != firstId && !string.IsNullOrEmpty(replaced.Id), "the replacement has a new id");
        _expect.Expect(calls.Any(call => call.Method == "POST") && calls.Any(call => call.Method == "DELETE" && call.Path.EndsWith(firstId, StringComparison.Ordinal)),
            "a create of the new service and a delete of the old one");
        _expect.Expect(calls.All(call => call.Method != "PUT"), "no PUT during a replacement");

        // 5. Drift: someone edits the service in the console; preview --refresh shows it, up --refresh undoes it.
        Begin(5, "edit the service behind Pulumi's back, then preview --refresh and up --refresh");
        await EditBehindTheBackAsync(replaced.Id);
        await _emulator.Admin.ClearJournalAsync();
        _print.Command("pulumi preview --refresh");
        var (refresh, plan) = await _stack.PreviewWithRefreshAsync(Name, program);
        _print.Refresh(Name, refresh);
        _print.Step(Name, plan!);
        _expect.Expect(refresh.DriftedKeys.SequenceEqual(["approvalEnabled", "description"]), $"drift in exactly approvalEnabled and description (got {string.Join(", ", refresh.DriftedKeys)})");
        _expect.Expect(plan!.Kind == StepKind.Update && plan.ChangedKeys.SequenceEqual(["approvalEnabled", "description"]), "the plan updates exactly those two properties in place");
        calls = await TakeCallsAsync();
        _expect.Expect(Changing(calls) == 0, "preview --refresh changes nothing");
        _print.Command("pulumi up --refresh");
        var refreshed = await _stack.RefreshAsync(Name);
        _print.Refresh(Name, refreshed);
        var reverted = await TimedAsync(() => _stack.UpAsync(Name, program));
        _print.Step(Name, reverted.Result, reverted.Timing);
        calls = await TakeCallsAsync();
        puts = [.. calls.Where(call => call.Method == "PUT")];
        _expect.Expect(puts.Count == 1 && puts[0].Body.Contains("description", StringComparison.Ordinal) && puts[0].Body.Contains("approval_enabled", StringComparison.Ordinal)
            && !puts[0].Body.Contains("ports", StringComparison.Ordinal), "one PUT restoring description and approval_enabled only");

        // 6. Destroy.
        Begin(6, "destroy");
        _print.Command("pulumi destroy");
        var destroyed = await TimedAsync(async () =>
        {
            await _stack.DestroyAsync(Name);
            return true;
        });
        _print.Deleted(Name, destroyed.Timing);
        calls = await TakeCallsAsync();
        _expect.Expect(calls.Count(call => call.Method == "DELETE") == 1 && calls.Any(call => call.Status == 404), "one DELETE, then polling until 404");
        _expect.Expect(_stack.Resources.Count == 0, "the stack is empty");
    }

    private void Begin(int number, string title)
    {
        _expect.CurrentStep = number;
        _print.Heading(number, title);
    }

    /// <summary><c>pulumi preview</c> (which must make no API call), then <c>pulumi up</c>.</summary>
    private async Task<StepResult> PreviewThenUpAsync(PropertyMap program, StepKind expected, IReadOnlyList<string>? changedKeys = null)
    {
        _print.Command("pulumi preview");
        var preview = await _stack.PreviewAsync(Name, program);
        _print.Step(Name, preview);
        var previewCalls = await TakeCallsAsync();
        _expect.Expect(previewCalls.Count == 0, "preview makes no API call");
        _expect.Expect(preview.Kind == expected, $"preview plans {expected} (got {preview.Kind})");
        if (changedKeys is not null)
        {
            _expect.Expect(preview.ChangedKeys.SequenceEqual(changedKeys), $"preview changes exactly {string.Join(", ", changedKeys)} (got {string.Join(", ", preview.ChangedKeys)})");
        }

        _print.Command("pulumi up --skip-preview");
        var (result, timing) = await TimedAsync(() => _stack.UpAsync(Name, program));
        _print.Step(Name, result, timing);
        _expect.Expect(result.Kind == expected, $"up performs {expected} (got {result.Kind})");
        return result;
    }

    private async Task EditBehindTheBackAsync(string id)
    {
        using var cloud = await OtcClient.ConnectAsync(new OtcClientOptions
        {
            Region = EmulatorIdentity.Region,
            ProjectId = EmulatorIdentity.ProjectId,
            AccessKey = EmulatorIdentity.AccessKey,
            SecretKey = EmulatorIdentity.SecretKey,
            VpcepEndpoint = _emulator.BaseUrl.GetLeftPart(UriPartial.Authority),
        }, CancellationToken.None);
        await cloud.UpdateServiceAsync(id, new UpdateServiceRequest { Description = "edited in the console", ApprovalEnabled = true }, CancellationToken.None);
        _print.Line($"  (console) PUT vpc-endpoint-services/{id} {{\"description\":\"edited in the console\",\"approval_enabled\":true}}");
    }

    /// <summary>The calls since the last look, printed, then forgotten.</summary>
    private async Task<IReadOnlyList<ApiCall>> TakeCallsAsync()
    {
        var calls = await _emulator.Admin.JournalAsync();
        await _emulator.Admin.ClearJournalAsync();
        if (calls.Count > 0)
        {
            _print.Calls(calls);
        }

        _changingCalls += Changing(calls);
        _readCalls += calls.Count - Changing(calls);
        return calls;
    }

    private int Summarise(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var peak = _provider.PeakResidentBytes is { } bytes ? $", provider peak RSS {bytes / (1024 * 1024)} MiB" : string.Empty;
        _output.WriteLine();
        if (_expect.Failures.Count == 0)
        {
            _output.WriteLine($"walkthrough: all 6 steps behaved as expected ({_changingCalls} changing API calls, {_readCalls} reads, {seconds} s{peak})");
            return 0;
        }

        _output.WriteLine($"walkthrough: {_expect.FailedStepCount} of 6 steps did not behave as expected ({seconds} s): {string.Join("; ", _expect.Failures)}");
        return 1;
    }

    private static async Task<(T Result, string Timing)> TimedAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (result, clock.Elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
    }

    private static int Count(IReadOnlyList<ApiCall> calls, string method) => calls.Count(call => call.Method == method);

    private static int Changing(IReadOnlyList<ApiCall> calls) => calls.Count(call => call.Method != "GET");

    private static PropertyValue Ports(params (int Client, int Server)[] ports) =>
        PropertyValue.From(ports.Select(port => PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["clientPort"] = port.Client,
            ["serverPort"] = port.Server,
            ["protocol"] = "TCP",
        }))));
}
