using Otc.Provider.Cloud;
using Otc.Provider.Resources.VpcEndpointApproval;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.Provider.Tests.Unit;

/// <summary>Check rules and the diff of <c>otc:vpcep:VpcEndpointApproval</c>.</summary>
public sealed class ApprovalUnitTests
{
    private static readonly HostedResource Resource = SchemaRules.Hosted(new VpcEndpointApprovalHandler(new OtcClientProvider()));

    private static PropertyMap Inputs(params string[] endpointIds) => Props.Map(("serviceId", "svc-1"), ("endpointIds", Props.Strings(endpointIds)));

    private static CheckResult Check(PropertyMap inputs) => Resource.CheckAsync(new CheckRequest
    {
        Urn = "urn:pulumi:dev::proj::otc:vpcep:VpcEndpointApproval::a",
        Name = "a",
        Type = VpcEndpointApprovalHandler.TypeToken,
        Log = new SilentLog(),
        OldInputs = PropertyMap.Empty,
        NewInputs = inputs,
    }, CancellationToken.None).GetAwaiter().GetResult();

    private static DiffResult Diff(PropertyMap oldInputs, PropertyMap newInputs) => Resource.Diff(new DiffRequest
    {
        Urn = "urn:pulumi:dev::proj::otc:vpcep:VpcEndpointApproval::a",
        Name = "a",
        Type = VpcEndpointApprovalHandler.TypeToken,
        Log = new SilentLog(),
        Id = "svc-1",
        OldState = oldInputs,
        OldInputs = oldInputs,
        NewInputs = newInputs,
    });

    [Test]
    public void A_service_and_a_list_of_endpoints_are_valid_an_empty_list_too()
    {
        Assert.That(Check(Inputs("ep-1", "ep-2")).Failures, Is.Empty);
        Assert.That(Check(Inputs()).Failures, Is.Empty);
    }

    [Test]
    public void Missing_inputs_are_named() =>
        Assert.That(Check(PropertyMap.Empty).Failures.Select(failure => failure.Property), Is.EqualTo(new[] { "serviceId", "endpointIds" }));

    [Test]
    public void An_endpoint_listed_twice_is_named_by_its_second_place()
    {
        var result = Check(Inputs("ep-1", "ep-2", "ep-1"));

        Assert.That(result.Failures.Select(failure => failure.Property), Is.EqualTo(new[] { "endpointIds[2]" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("ep-1"));
    }

    [Test]
    public void Another_service_replaces_and_other_endpoints_update_in_place()
    {
        Assert.That(Diff(Inputs("ep-1"), Inputs("ep-1").With("serviceId", "svc-2")).DetailedDiff["serviceId"], Is.EqualTo(PropertyDiffKind.UpdateReplace));
        Assert.That(Diff(Inputs("ep-1"), Inputs("ep-1", "ep-2")).DetailedDiff, Is.EqualTo(new Dictionary<string, PropertyDiffKind> { ["endpointIds"] = PropertyDiffKind.Update }));
    }

    [Test]
    public void The_order_of_the_endpoints_does_not_matter() =>
        Assert.That(Diff(Inputs("ep-1", "ep-2"), Inputs("ep-2", "ep-1")).HasChanges, Is.False);
}
