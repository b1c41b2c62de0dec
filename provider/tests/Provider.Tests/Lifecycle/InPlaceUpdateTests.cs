using Otc.Emulator;
using Otc.EngineHarness;
using Otc.ProviderHost.Values;
using DiffChanges = Otc.ProviderHost.Protocol.DiffResponse.Types.DiffChanges;
using Kind = Otc.ProviderHost.Protocol.PropertyDiff.Types.Kind;

namespace Otc.Provider.Tests.Lifecycle;

/// <summary>
/// Every in-place row of the update table, through the published binary against the emulator: the Diff answer and
/// the exact API calls. One service is shared; each test starts from the base inputs (restored before it runs). The
/// whole table runs against the lenient and the strict emulator (the harsh reading of the API reference).
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
[Parallelizable(ParallelScope.Self)]
public sealed class InPlaceUpdateTests(bool strict)
{
    private const string Name = "in-place";
    private LifecycleEnvironment _env = null!;
    private ResourcesOfType _stack = null!;
    private PropertyMap _base = null!;
    private string _id = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await LifecycleEnvironment.StartAsync(strict: strict);
        _stack = _env.NewStack();
        _base = ServiceInputs.Base(ServiceInputs.NewPortId());
        var created = await _stack.UpAsync(Name, _base);
        _id = created.Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_stack?.Find(Name) is not null)
        {
            await _stack.DestroyAsync(Name);
        }

        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    [SetUp]
    public async Task RestoreBaseAsync()
    {
        await _stack.UpAsync(Name, _base);
        _env.Emulator.Journal.Clear();
    }

    [Test]
    public async Task PortsChangeIsOnePutWithTheFullPortListOnly()
    {
        var step = await _stack.UpAsync(Name, _base.With("ports", ServiceInputs.Ports((80, 8080), (8443, 9443))));

        AssertInPlace(step, ("ports", Kind.Update));
        var put = SinglePut();
        Assert.That(JournalBodies.TopLevelKeys(put.Body), Is.EqualTo(WithDocumentedDefaults("ports")));
        Assert.That(JournalBodies.Ports(put.Body), Is.EqualTo(new[] { "80:8080/TCP", "8443:9443/TCP" }));
    }

    [Test]
    public async Task ApprovalChangeIsOnePutWithApprovalAndTheDocumentedDefaults()
    {
        var step = await _stack.UpAsync(Name, _base.With("approvalEnabled", false));

        AssertInPlace(step, ("approvalEnabled", Kind.Update));
        var put = SinglePut();
        Assert.That(JournalBodies.TopLevelKeys(put.Body), Is.EqualTo(WithDocumentedDefaults()));
        Assert.That(JournalBodies.Field(put.Body, "approval_enabled").GetBoolean(), Is.False);
        Assert.That(step.Outputs!["approvalEnabled"].ValueEquals(false), Is.True);
    }

    [Test]
    public async Task TcpProxyChangeIsOnePutWithTcpProxyAndTheDocumentedDefaults()
    {
        var step = await _stack.UpAsync(Name, _base.With("tcpProxy", "toa_open"));

        AssertInPlace(step, ("tcpProxy", Kind.Update));
        var put = SinglePut();
        Assert.That(JournalBodies.TopLevelKeys(put.Body), Is.EqualTo(WithDocumentedDefaults()));
        Assert.That(JournalBodies.Field(put.Body, "tcp_proxy").GetString(), Is.EqualTo("toa_open"));
        Assert.That(step.Outputs!["tcpProxy"].ValueEquals("toa_open"), Is.True);
    }

    [Test]
    public async Task DescriptionChangeIsOnePutWithDescriptionAndTheDocumentedDefaults()
    {
        var step = await _stack.UpAsync(Name, _base.With("description", "changed in place"));

        AssertInPlace(step, ("description", Kind.Update));
        var put = SinglePut();
        Assert.That(JournalBodies.TopLevelKeys(put.Body), Is.EqualTo(WithDocumentedDefaults("description")));
        Assert.That(JournalBodies.Field(put.Body, "description").GetString(), Is.EqualTo("changed in place"));
        Assert.That(step.Outputs!["description"].ValueEquals("changed in place"), Is.True);
    }

    [Test]
    public async Task ServiceNameChangeIsOnePutWithTheNameAndTheDocumentedDefaults()
    {
        var step = await _stack.UpAsync(Name, _base.With("serviceName", "renamed"));

        AssertInPlace(step, ("serviceName", Kind.Update));
        var put = SinglePut();
        Assert.That(JournalBodies.TopLevelKeys(put.Body), Is.EqualTo(WithDocumentedDefaults("service_name")));
        Assert.That(JournalBodies.Field(put.Body, "service_name").GetString(), Is.EqualTo("renamed"));
        Assert.That(step.Outputs!["serviceName"].ValueEquals("renamed"), Is.True);
        Assert.That(step.Outputs!["fullServiceName"].ValueEquals($"eu-de.renamed.{_id}"), Is.True);
    }

    [Test]
    public async Task PortIdChangeIsOnePutWithThePortIdAndTheDocumentedDefaults()
    {
        var newPort = ServiceInputs.NewPortId();
        var step = await _stack.UpAsync(Name, _base.With("portId", newPort));

        AssertInPlace(step, ("portId", Kind.Update));
        var put = SinglePut();
        Assert.That(JournalBodies.TopLevelKeys(put.Body), Is.EqualTo(WithDocumentedDefaults("port_id")));
        Assert.That(JournalBodies.Field(put.Body, "port_id").GetString(), Is.EqualTo(newPort));
        Assert.That(step.Id, Is.EqualTo(_id), "an in-place change keeps the service");
    }

    [Test]
    public async Task TagChangeUsesTheTagActionsAndNoPut()
    {
        var step = await _stack.UpAsync(Name, _base.With("tags", ServiceInputs.Tags(("env", "prod"), ("team", "core"))));

        AssertInPlace(step, ("tags.env", Kind.Update), ("tags.team", Kind.Add));
        var mutations = _env.Mutations();
        Assert.That(mutations.Select(call => call.Method), Has.None.EqualTo("PUT"));
        Assert.That(mutations, Is.Not.Empty);
        Assert.That(mutations.Select(call => (call.Method, call.Path.EndsWith("/tags/action", StringComparison.Ordinal))), Has.All.EqualTo(("POST", true)));
        Assert.That(mutations.Select(call => call.Path), Has.All.Contains(_id));
        Assert.That(step.Outputs!["tags"].ValueEquals(ServiceInputs.Tags(("env", "prod"), ("team", "core"))), Is.True);
    }

    [Test]
    public async Task PermissionChangeUsesThePermissionActionsAndNoPut()
    {
        var permissions = ServiceInputs.Strings("d0000000000000000000000000000009", "d0000000000000000000000000000007");
        var step = await _stack.UpAsync(Name, _base.With("permissions", permissions));

        AssertInPlace(step, ("permissions", Kind.Update));
        var mutations = _env.Mutations();
        Assert.That(mutations, Has.Count.EqualTo(1));
        Assert.That(mutations[0].Method, Is.EqualTo("POST"));
        Assert.That(mutations[0].Path, Is.EqualTo(_env.ServicePath(_id) + "/permissions/action"));
        Assert.That(mutations[0].Body, Does.Contain("d0000000000000000000000000000007").And.Not.Contain("d0000000000000000000000000000009"));
    }

    [Test]
    public async Task ReorderedPortsAreNoChangeAndNoCall()
    {
        var step = await _stack.UpAsync(Name, _base.With("ports", ServiceInputs.Ports((443, 8443), (80, 8080))));

        AssertNoChange(step);
    }

    [Test]
    public async Task EnumCaseIsNoChangeAndNoCall()
    {
        var step = await _stack.UpAsync(Name, _base.With("serverType", "lb").With("tcpProxy", "CLOSE"));

        AssertNoChange(step);
    }

    [Test]
    public async Task LongServiceNameInTheStateIsNoChangeAndNoCall()
    {
        // A state whose inputs hold the cloud's long form {region}.{name}.{id} (as older states did) against the short name.
        var stored = _stack.Get(Name);
        _stack.Remember(stored with { Inputs = stored.Inputs.With("serviceName", $"eu-de.lifecycle.{_id}") });
        try
        {
            var step = await _stack.UpAsync(Name, _base);

            AssertNoChange(step);
        }
        finally
        {
            _stack.Remember(stored);
        }
    }

    [Test]
    public async Task PreviewOfAnUpdateMakesNoApiCall()
    {
        var step = await _stack.PreviewAsync(Name, _base.With("ports", ServiceInputs.Ports((80, 8080), (8443, 9443))).With("description", "previewed"));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Update));
        Assert.That(step.ChangedKeys, Is.EqualTo(new[] { "description", "ports" }));
        Assert.That(step.Outputs!["description"].ValueEquals("previewed"), Is.True);
        Assert.That(_env.Calls(), Is.Empty, "preview must not call the cloud");
        Assert.That(_stack.Get(Name).Inputs["description"].ValueEquals("lifecycle test service"), Is.True, "preview leaves the state alone");
    }

    [Test]
    public async Task PreviewOfACreateMakesNoApiCall()
    {
        var step = await _stack.PreviewAsync("not-yet-created", ServiceInputs.Base(ServiceInputs.NewPortId()));

        Assert.That(step.Kind, Is.EqualTo(StepKind.Create));
        Assert.That(step.Outputs!["ports"].ValueEquals(ServiceInputs.Ports((80, 8080), (443, 8443))), Is.True);
        Assert.That(_env.Calls(), Is.Empty, "preview must not call the cloud");
        Assert.That(_stack.Find("not-yet-created"), Is.Null);
    }

    /// <summary>
    /// The top-level keys of a PUT that changes <paramref name="changed"/>: those, plus <c>approval_enabled</c> and
    /// <c>tcp_proxy</c>, which the modify page gives defaults and every PUT therefore carries.
    /// </summary>
    private static string[] WithDocumentedDefaults(params string[] changed) =>
        [.. changed.Append("approval_enabled").Append("tcp_proxy").Distinct().Order(StringComparer.Ordinal)];

    private static void AssertInPlace(StepResult step, params (string Path, Kind Kind)[] expected)
    {
        Assert.That(step.Kind, Is.EqualTo(StepKind.Update));
        var diff = step.Diff!;
        Assert.That(diff.Changes, Is.EqualTo(DiffChanges.DiffSome));
        Assert.That(diff.HasDetailedDiff, Is.True);
        Assert.That(diff.DetailedDiff.Select(pair => (pair.Key, pair.Value.Kind)), Is.EquivalentTo(expected));
        Assert.That(diff.Replaces, Is.Empty);
        Assert.That(diff.DeleteBeforeReplace, Is.False);
    }

    private void AssertNoChange(StepResult step)
    {
        Assert.That(step.Kind, Is.EqualTo(StepKind.Same));
        Assert.That(step.Diff!.Changes, Is.EqualTo(DiffChanges.DiffNone));
        Assert.That(step.Diff.DetailedDiff, Is.Empty);
        Assert.That(_env.Calls(), Is.Empty, "an equivalent spelling must not call the cloud");
    }

    private JournalEntry SinglePut()
    {
        var mutations = _env.Mutations();
        Assert.That(mutations, Has.Count.EqualTo(1), () => "expected exactly one PUT, got: " + string.Join(" | ", mutations.Select(m => $"{m.Method} {m.Path} {m.Body}")));
        Assert.That(mutations[0].Method, Is.EqualTo("PUT"));
        Assert.That(mutations[0].Path, Is.EqualTo(_env.ServicePath(_id)));
        Assert.That(mutations[0].Status, Is.EqualTo(200));
        return mutations[0];
    }
}
