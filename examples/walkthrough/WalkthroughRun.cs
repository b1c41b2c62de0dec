using System.Diagnostics;
using System.Globalization;
using Otc.CloudClient;
using Otc.EmulatorHarness;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;

namespace Otc.Walkthrough;

/// <summary>
/// The story of a VPC endpoint service under Pulumi: look up the quota and create, update ports in place, update approval and TCP proxy in
/// place, replace on a VPC change, notice and undo drift; then the publisher/consumer flow across two accounts (each
/// with its own provider process): the consumer finds the service by name and connects an endpoint, which waits in
/// pendingAcceptance; the owner's approval accepts it and, once taken off the list, rejects it; destroy in dependency
/// order. Each step prints the plan, the result and the API calls the emulator saw, and checks that the provider did
/// exactly what the resources' tables promise.
/// </summary>
internal sealed class WalkthroughRun
{
    private const string ServiceType = "otc:vpcep:VpcEndpointService";
    private const string EndpointType = "otc:vpcep:VpcEndpoint";
    private const string ApprovalType = "otc:vpcep:VpcEndpointApproval";
    private const string Name = "web";
    private const string EndpointName = "shop-to-web";
    private const string ApprovalName = "web-approvals";
    private const string GatewayName = "shop-obs";
    private const int StepCount = 11;

    private readonly TextWriter _output;
    private readonly EmulatorProcess _emulator;
    private readonly ProviderProcess _provider;
    private readonly ProviderProcess _consumerProvider;
    private readonly ResourcesOfType _stack;
    private readonly ResourcesOfType _approvals;
    private readonly ResourcesOfType _consumer;
    private readonly PlanPrinter _print;
    private readonly Expectations _expect;
    private int _changingCalls;
    private int _readCalls;

    private WalkthroughRun(TextWriter output, EmulatorProcess emulator, ProviderProcess provider, ProviderProcess consumerProvider)
    {
        _output = output;
        _emulator = emulator;
        _provider = provider;
        _consumerProvider = consumerProvider;
        // The owner's stack holds the service and the approval; the consumer's stack, in another account, the endpoint.
        var owner = new EngineSimulator(provider, project: "walkthrough", stack: "dev");
        _stack = owner.OfType(ServiceType);
        _approvals = owner.OfType(ApprovalType);
        _consumer = new EngineSimulator(consumerProvider, project: "shop", stack: "dev").OfType(EndpointType);
        _print = new PlanPrinter(output);
        _expect = new Expectations(output);
    }

    public static async Task<int> RunAsync(string providerPath, string emulatorDll, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        await using var emulator = await EmulatorProcess.StartAsync(emulatorDll, ["--create-delay-ms", "800", "--delete-delay-ms", "500"]);
        output.WriteLine($"emulator:  {emulator.BaseUrl} (dotnet {Path.GetFileName(emulatorDll)}, pid {emulator.ProcessId})");
        await using var provider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(providerPath));
        output.WriteLine($"provider:  {providerPath} (pid {provider.ProcessId}, gRPC on 127.0.0.1:{provider.Port}, engine at {provider.EngineAddress}), the owner's stack");
        await using var consumerProvider = await ProviderProcess.StartAsync(ProviderLaunch.Binary(providerPath));
        output.WriteLine($"provider:  {providerPath} (pid {consumerProvider.ProcessId}), the consumer's stack in another account");

        var run = new WalkthroughRun(output, emulator, provider, consumerProvider);
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
        var (owner, consumer) = (EmulatorAccount.Owner, EmulatorAccount.Consumer);
        await _stack.ConfigureAsync(owner.ProviderConfig(_emulator.BaseUrl));
        _output.WriteLine($"configured: otc:region={owner.Region} otc:projectId={owner.ProjectId} otc:accessKey={owner.AccessKey} otc:secretKey=[secret] otc:vpcepEndpoint={_emulator.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        await _consumer.ConfigureAsync(consumer.ProviderConfig(_emulator.BaseUrl));
        _output.WriteLine($"configured: (consumer) otc:projectId={consumer.ProjectId} otc:accessKey={consumer.AccessKey} otc:secretKey=[secret]");
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

        // 1. Look up the quota, then create.
        Begin(1, "look up the service quota, then create a service with two port mappings");
        _print.Command("pulumi up   # getQuotas(type: \"endpoint_service\") before the service");
        var room = await ServiceQuotaAsync();
        _print.Line($"  getQuotas => endpoint_service: {room.Used} used of {room.Quota}");
        var calls = await TakeCallsAsync();
        _expect.Expect(calls.Count == 1 && calls[0].Path.EndsWith("/quotas", StringComparison.Ordinal) && calls[0].Query.Contains("type=endpoint_service", StringComparison.Ordinal),
            "the quota lookup is one read of the quota API");
        _expect.Expect(room.Used < room.Quota, "the quota leaves room for the service");
        var created = await PreviewThenUpAsync(program, StepKind.Create);
        calls = await TakeCallsAsync();
        _expect.Expect(Count(calls, "POST") == 1 && calls.Any(call => call.Method == "POST" && call.Path.EndsWith("/vpc-endpoint-services", StringComparison.Ordinal)), "one POST creating the service");
        _expect.Expect(created.Outputs?.GetOrNull("status").ValueEquals("available") == true, "the created service is available");
        var firstId = created.Id;

        // 2. Ports change: in place, one PUT with the full port list (and, as every PUT, approval and proxy mode: the
        // modify API documents defaults for both, which a cloud may apply to fields left out).
        Begin(2, "change the port mappings (in place)");
        program = program.With("ports", Ports((80, 8080), (443, 9443)));
        await PreviewThenUpAsync(program, StepKind.Update, ["ports"]);
        calls = await TakeCallsAsync();
        var puts = calls.Where(call => call.Method == "PUT").ToList();
        _expect.Expect(puts.Count == 1 && Changing(calls) == 1, "exactly one PUT and no other change");
        _expect.Expect(puts.Count == 1 && BodyKeys(puts[0]).SequenceEqual(["approval_enabled", "ports", "tcp_proxy"]) && puts[0].Body.Contains("9443", StringComparison.Ordinal),
            "the PUT body holds the full port list, plus approval_enabled and tcp_proxy as the program has them");

        // 3. Approval and TCP proxy: in place, one PUT with only those two fields.
        Begin(3, "require no approval and enable the TOA TCP proxy (in place)");
        program = program.With("approvalEnabled", false).With("tcpProxy", "toa_open");
        await PreviewThenUpAsync(program, StepKind.Update, ["approvalEnabled", "tcpProxy"]);
        calls = await TakeCallsAsync();
        puts = [.. calls.Where(call => call.Method == "PUT")];
        _expect.Expect(puts.Count == 1 && Changing(calls) == 1, "exactly one PUT and no other change");
        _expect.Expect(puts.Count == 1 && BodyKeys(puts[0]).SequenceEqual(["approval_enabled", "tcp_proxy"]), "the PUT body holds only approval_enabled and tcp_proxy");

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
        _print.Refresh(ServiceType, Name, refresh);
        _print.Step(ServiceType, Name, plan!);
        _expect.Expect(refresh.DriftedKeys.SequenceEqual(["approvalEnabled", "description"]), $"drift in exactly approvalEnabled and description (got {string.Join(", ", refresh.DriftedKeys)})");
        _expect.Expect(plan!.Kind == StepKind.Update && plan.ChangedKeys.SequenceEqual(["approvalEnabled", "description"]), "the plan updates exactly those two properties in place");
        calls = await TakeCallsAsync();
        _expect.Expect(Changing(calls) == 0, "preview --refresh changes nothing");
        _print.Command("pulumi up --refresh");
        var refreshed = await _stack.RefreshAsync(Name);
        _print.Refresh(ServiceType, Name, refreshed);
        var reverted = await TimedAsync(() => _stack.UpAsync(Name, program));
        _print.Step(ServiceType, Name, reverted.Result, reverted.Timing);
        calls = await TakeCallsAsync();
        puts = [.. calls.Where(call => call.Method == "PUT")];
        _expect.Expect(puts.Count == 1 && BodyKeys(puts[0]).SequenceEqual(["approval_enabled", "description", "tcp_proxy"]),
            "one PUT restoring description and approval_enabled (with tcp_proxy, as every PUT)");

        // 6. Publish: approval on again, and the consumer's account on the whitelist.
        Begin(6, "require approval again and whitelist the consumer's account (in place)");
        program = program.With("approvalEnabled", true).With("permissions", PropertyValue.From([PropertyValue.From(EmulatorAccount.Consumer.DomainId)]));
        var published = await PreviewThenUpAsync(_stack, Name, program, StepKind.Update, ["approvalEnabled", "permissions"]);
        calls = await TakeCallsAsync();
        _expect.Expect(Count(calls, "PUT") == 1 && calls.Count(call => call.Path.EndsWith("/permissions/action", StringComparison.Ordinal)) == 1 && Changing(calls) == 2,
            "one PUT for the approval and one whitelist action");
        var fullName = published.Outputs?.GetOrNull("fullServiceName").TryGetString(out var name) == true ? name : "";

        // 7. The consumer finds the service by its full name and connects an endpoint; it waits for approval.
        Begin(7, "another account finds the service by name and connects an endpoint (waits for approval)");
        _print.Command($"pulumi up   # consumer: getVpcEndpointService(name: \"{fullName}\") and a VpcEndpoint");
        var found = await InvokeAsync(_consumerProvider, "otc:vpcep:getVpcEndpointService", PropertyMap.From([KeyValuePair.Create("name", PropertyValue.From(fullName))]));
        var serviceId = found.GetOrNull("id").TryGetString(out var id) ? id : "";
        _print.Line($"  getVpcEndpointService => id {serviceId}, serviceType {ValueText.Of(found.GetOrNull("serviceType"))}");
        calls = await TakeCallsAsync();
        _expect.Expect(Changing(calls) == 0, "the lookup only reads");
        _expect.Expect(serviceId == published.Id, "the lookup by name finds the owner's service");
        var endpointProgram = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["serviceId"] = serviceId,
            ["vpcId"] = "vpc-shop",
            ["subnetId"] = "subnet-shop",
            ["tags"] = PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue> { ["team"] = "shop" })),
        });
        var endpoint = await PreviewThenUpAsync(_consumer, EndpointName, endpointProgram, StepKind.Create);
        calls = await TakeCallsAsync();
        _expect.Expect(Changing(calls) == 1 && calls.Any(call => call.Method == "POST" && call.Path.EndsWith("/vpc-endpoints", StringComparison.Ordinal)), "one POST creating the endpoint");
        _expect.Expect(endpoint.Outputs?.GetOrNull("status").ValueEquals("pendingAcceptance") == true, "the endpoint waits in pendingAcceptance");
        var waiting = _consumerProvider.Logs.FirstOrDefault(log => log.Message.Contains("waits for the owner", StringComparison.Ordinal));
        _print.Line($"  info: {waiting?.Message}");
        _expect.Expect(waiting is not null, "the provider says the endpoint waits for the owner's approval, and does not block on it");

        // 8. The owner accepts the endpoint.
        Begin(8, "the owner approves the endpoint");
        var approvalProgram = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["serviceId"] = serviceId,
            ["endpointIds"] = PropertyValue.From([PropertyValue.From(endpoint.Id)]),
        });
        await PreviewThenUpAsync(_approvals, ApprovalName, approvalProgram, StepKind.Create);
        calls = await TakeCallsAsync();
        _expect.Expect(ConnectionActions(calls).SequenceEqual([$"receive {endpoint.Id}"]), "one receive call, for the endpoint");
        _print.Command("pulumi refresh   # consumer");
        var accepted = await _consumer.RefreshAsync(EndpointName);
        _print.Refresh(EndpointType, EndpointName, accepted);
        _print.Line($"  status: {ValueText.Of(accepted.OutputsAfter.GetOrNull("status"))}, ip: {ValueText.Of(accepted.OutputsAfter.GetOrNull("ip"))}");
        _expect.Expect(accepted.OutputsAfter.GetOrNull("status").ValueEquals("accepted") && !accepted.HasDrift, "the consumer's endpoint is accepted, with no drift");
        await TakeCallsAsync();

        // 9. The owner takes the endpoint off the list: its connection is rejected.
        Begin(9, "the owner takes the endpoint off the list (reject)");
        approvalProgram = approvalProgram.With("endpointIds", PropertyValue.From(Array.Empty<PropertyValue>()));
        await PreviewThenUpAsync(_approvals, ApprovalName, approvalProgram, StepKind.Update, ["endpointIds"]);
        calls = await TakeCallsAsync();
        _expect.Expect(ConnectionActions(calls).SequenceEqual([$"reject {endpoint.Id}"]), "one reject call, for the endpoint");
        _print.Command("pulumi refresh   # consumer");
        var rejected = await _consumer.RefreshAsync(EndpointName);
        _print.Line($"  status: {ValueText.Of(rejected.OutputsAfter.GetOrNull("status"))}; warning: {string.Join("; ", rejected.Warnings)}");
        _expect.Expect(rejected.OutputsAfter.GetOrNull("status").ValueEquals("rejected") && rejected.Warnings.Count == 1, "the consumer sees its endpoint rejected, as a warning");
        await TakeCallsAsync();

        // 10. The consumer reaches OBS privately through a gateway endpoint whose policy allows one bucket only.
        await GatewayToOneBucketAsync();

        // 11. Destroy both stacks, in dependency order.
        Begin(11, "destroy (approval, endpoints, service)");
        _print.Command("pulumi destroy   # owner's approvals, the consumer's stack, then the owner's service");
        foreach (var (stack, type, resource) in new[]
        {
            (_approvals, ApprovalType, ApprovalName), (_consumer, EndpointType, EndpointName), (_consumer, EndpointType, GatewayName), (_stack, ServiceType, Name),
        })
        {
            var destroyed = await TimedAsync(async () =>
            {
                await stack.DestroyAsync(resource);
                return true;
            });
            _print.Deleted(type, resource, destroyed.Timing);
        }

        calls = await TakeCallsAsync();
        _expect.Expect(calls.Count(call => call.Method == "DELETE") == 3 && calls.Count(call => call.Status == 404) >= 3, "three DELETEs, each followed by polling until 404");
        _expect.Expect(_stack.Resources.Count == 0 && _approvals.Resources.Count == 0 && _consumer.Resources.Count == 0, "the stacks are empty");
        var leftInCloud = await _emulator.Admin.ResourceCountsAsync();
        _expect.Expect(leftInCloud == (0, 0), $"the cloud holds no service and no endpoint (holds {leftInCloud.Services} and {leftInCloud.Endpoints})");
    }

    /// <summary>
    /// Step 10: the OBS gateway service found with <c>getPublicServices</c>, and a gateway endpoint whose
    /// <c>policyStatements</c> allow every OBS action on one bucket and its objects (sent as the API's
    /// <c>policy_statement</c>); the same policy written in another order is no change.
    /// </summary>
    private async Task GatewayToOneBucketAsync()
    {
        Begin(10, "the consumer reaches OBS through a gateway endpoint restricted to one bucket");
        _print.Command("pulumi up   # consumer: getPublicServices(name: \"obs\") and a VpcEndpoint with policyStatements");
        var found = await InvokeAsync(_consumerProvider, "otc:vpcep:getPublicServices", PropertyMap.From([KeyValuePair.Create("name", PropertyValue.From("obs"))]));
        var obs = found.GetOrNull("services").TryGetArray(out var services)
            ? services.Select(service => service.TryGetObject(out var fields) ? fields : PropertyMap.Empty).FirstOrDefault(fields => fields.GetOrNull("serviceType").ValueEquals("gateway"))
            : null;
        var obsId = obs?.GetOrNull("id").TryGetString(out var id) == true ? id : "";
        _print.Line($"  getPublicServices => {ValueText.Of(obs?.GetOrNull("serviceName") ?? PropertyValue.Null)} (gateway), id {obsId}");
        _expect.Expect(obsId.Length > 0, "the public OBS gateway service is found");
        _expect.Expect(Changing(await TakeCallsAsync()) == 0, "the lookup only reads");
        PropertyValue Policy(params string[] resources) => PropertyValue.From([PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["effect"] = "Allow",
            ["actions"] = PropertyValue.From([PropertyValue.From("obs:*:*")]),
            ["resources"] = PropertyValue.From(resources.Select(resource => PropertyValue.From(resource))),
        }))]);
        var program = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["serviceId"] = obsId,
            ["vpcId"] = "vpc-shop",
            ["policyStatements"] = Policy("obs:*:*:bucket:shop-data", "obs:*:*:object:shop-data/*"),
        });
        var gateway = await PreviewThenUpAsync(_consumer, GatewayName, program, StepKind.Create);
        var calls = await TakeCallsAsync();
        var post = calls.FirstOrDefault(call => call.Method == "POST" && call.Path.EndsWith("/vpc-endpoints", StringComparison.Ordinal));
        var sent = post is null ? "" : PolicySent(post);
        _print.Line($"  policy_statement sent: {sent}");
        _expect.Expect(Changing(calls) == 1 && sent == "Allow obs:*:* on obs:*:*:bucket:shop-data, obs:*:*:object:shop-data/*", "one POST carrying the one-bucket policy as the API's policy_statement");
        _expect.Expect(gateway.Outputs?.GetOrNull("status").ValueEquals("accepted") == true, "the gateway endpoint is accepted (public services need no approval)");

        _print.Command("pulumi preview   # the same policy, its resources in another order");
        var same = await _consumer.PreviewAsync(GatewayName, program.With("policyStatements", Policy("obs:*:*:object:shop-data/*", "obs:*:*:bucket:shop-data")));
        _print.Step(EndpointType, GatewayName, same);
        _expect.Expect(same.Kind == StepKind.Same && Changing(await TakeCallsAsync()) == 0, "reordering the policy is no change");
    }

    /// <summary>A create body's <c>policy_statement</c> as one line: "Effect action,… on resource, …" per statement.</summary>
    private static string PolicySent(ApiCall call)
    {
        using var body = System.Text.Json.JsonDocument.Parse(call.Body);
        return body.RootElement.TryGetProperty("policy_statement", out var statements)
            ? string.Join("; ", statements.EnumerateArray().Select(statement =>
                $"{statement.GetProperty("Effect").GetString()} {string.Join(",", statement.GetProperty("Action").EnumerateArray().Select(action => action.GetString()))} on "
                + string.Join(", ", statement.GetProperty("Resource").EnumerateArray().Select(resource => resource.GetString()))))
            : "";
    }

    private void Begin(int number, string title)
    {
        _expect.CurrentStep = number;
        _print.Heading(number, title);
    }

    /// <summary><c>pulumi preview</c> (which must make no API call), then <c>pulumi up</c>, of the owner's service.</summary>
    private Task<StepResult> PreviewThenUpAsync(PropertyMap program, StepKind expected, IReadOnlyList<string>? changedKeys = null) =>
        PreviewThenUpAsync(_stack, Name, program, expected, changedKeys);

    /// <summary><c>pulumi preview</c> (which must make no API call), then <c>pulumi up</c>, of one resource.</summary>
    private async Task<StepResult> PreviewThenUpAsync(ResourcesOfType stack, string name, PropertyMap program, StepKind expected, IReadOnlyList<string>? changedKeys = null)
    {
        _print.Command("pulumi preview");
        var preview = await stack.PreviewAsync(name, program);
        _print.Step(stack.ResourceType, name, preview);
        var previewCalls = await TakeCallsAsync();
        _expect.Expect(previewCalls.Count == 0, "preview makes no API call");
        _expect.Expect(preview.Kind == expected, $"preview plans {expected} (got {preview.Kind})");
        if (changedKeys is not null)
        {
            _expect.Expect(preview.ChangedKeys.SequenceEqual(changedKeys), $"preview changes exactly {string.Join(", ", changedKeys)} (got {string.Join(", ", preview.ChangedKeys)})");
        }

        _print.Command("pulumi up --skip-preview");
        var (result, timing) = await TimedAsync(() => stack.UpAsync(name, program));
        _print.Step(stack.ResourceType, name, result, timing);
        _expect.Expect(result.Kind == expected, $"up performs {expected} (got {result.Kind})");
        return result;
    }

    private async Task EditBehindTheBackAsync(string id)
    {
        using var cloud = await OtcClient.ConnectAsync(EmulatorAccount.Owner.ClientOptions(_emulator.BaseUrl, maxRetries: 5), CancellationToken.None);
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
            _output.WriteLine($"walkthrough: all {StepCount} steps behaved as expected ({_changingCalls} changing API calls, {_readCalls} reads, {seconds} s{peak})");
            return 0;
        }

        _output.WriteLine($"walkthrough: {_expect.FailedStepCount} of {StepCount} steps did not behave as expected ({seconds} s): {string.Join("; ", _expect.Failures)}");
        return 1;
    }

    private static async Task<(T Result, string Timing)> TimedAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (result, clock.Elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
    }

    private static int Count(IReadOnlyList<ApiCall> calls, string method) => calls.Count(call => call.Method == method);

    /// <summary>The connection actions among <paramref name="calls"/>, as "receive id" / "reject id".</summary>
    private static IEnumerable<string> ConnectionActions(IReadOnlyList<ApiCall> calls) =>
        calls.Where(call => call.Method == "POST" && call.Path.EndsWith("/connections/action", StringComparison.Ordinal))
            .Select(call =>
            {
                using var body = System.Text.Json.JsonDocument.Parse(call.Body);
                return $"{body.RootElement.GetProperty("action").GetString()} {body.RootElement.GetProperty("endpoints")[0].GetString()}";
            })
            .ToList();

    /// <summary>The owner's endpoint service quota, as a program reads it with <c>getQuotas</c>.</summary>
    private async Task<(double Used, double Quota)> ServiceQuotaAsync()
    {
        var result = await InvokeAsync(_provider, "otc:vpcep:getQuotas", PropertyMap.From([KeyValuePair.Create("type", PropertyValue.From("endpoint_service"))]));
        var quotas = result.GetOrNull("quotas").TryGetArray(out var entries) ? entries : [];
        if (quotas.Length != 1 || !quotas[0].TryGetObject(out var entry)
            || !entry.GetOrNull("used").TryGetNumber(out var used) || !entry.GetOrNull("quota").TryGetNumber(out var quota))
        {
            throw new InvalidOperationException($"getQuotas answered {quotas.Length} entries instead of one with used and quota");
        }

        return (used, quota);
    }

    /// <summary>A function call as the engine makes it for a program (the Invoke RPC).</summary>
    private static async Task<PropertyMap> InvokeAsync(ProviderProcess provider, string token, PropertyMap args)
    {
        var response = await provider.Client.InvokeAsync(new Otc.ProviderHost.Protocol.InvokeRequest { Tok = token, Args = PropertyCodec.Encode(args) });
        if (response.Failures.Count > 0)
        {
            throw new InvalidOperationException($"{token} failed: {string.Join("; ", response.Failures.Select(failure => $"{failure.Property}: {failure.Reason}"))}");
        }

        return PropertyCodec.Decode(response.Return);
    }

    private static int Changing(IReadOnlyList<ApiCall> calls) => calls.Count(call => call.Method != "GET");

    /// <summary>The top-level keys of a call's JSON body, sorted.</summary>
    private static IReadOnlyList<string> BodyKeys(ApiCall call)
    {
        using var document = System.Text.Json.JsonDocument.Parse(call.Body);
        return [.. document.RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)];
    }

    private static PropertyValue Ports(params (int Client, int Server)[] ports) =>
        PropertyValue.From(ports.Select(port => PropertyValue.From(PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["clientPort"] = port.Client,
            ["serverPort"] = port.Server,
            ["protocol"] = "TCP",
        }))));
}
