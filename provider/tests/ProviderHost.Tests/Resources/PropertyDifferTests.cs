using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Tests.Resources;

public sealed class PropertyDifferTests
{
    private static readonly PropertyDiffer Differ = new(new HashSet<string>(StringComparer.Ordinal) { "name" });

    public static IEnumerable<TestCaseData> TopLevelCases()
    {
        yield return new TestCaseData(Map(("size", 1)), Map(("size", 1)), null).SetName("Unchanged_NoEntry");
        yield return new TestCaseData(Map(("size", 1)), Map(("size", 2)), PropertyDiffKind.Update).SetName("Changed_Update");
        yield return new TestCaseData(Map(), Map(("size", 2)), PropertyDiffKind.Add).SetName("Added_Add");
        yield return new TestCaseData(Map(("size", 1)), Map(), PropertyDiffKind.Delete).SetName("Removed_Delete");
        yield return new TestCaseData(Map(("size", 1)), Map(("size", PropertyValue.Unknown)), PropertyDiffKind.Update).SetName("Unknown_Update");
        yield return new TestCaseData(Map(("size", 1)), Map(("size", PropertyValue.From(1).WithSecret())), null).SetName("SecretnessOnly_NoEntry");
    }

    [TestCaseSource(nameof(TopLevelCases))]
    public void TopLevel(PropertyMap oldInputs, PropertyMap newInputs, PropertyDiffKind? expected)
    {
        var result = Differ.Diff(Request(oldInputs, newInputs));

        Assert.That(result.DetailedDiff.TryGetValue("size", out var kind) ? kind : (PropertyDiffKind?)null, Is.EqualTo(expected));
    }

    [TestCase("a", "b", PropertyDiffKind.UpdateReplace)]
    [TestCase(null, "b", PropertyDiffKind.AddReplace)]
    [TestCase("a", null, PropertyDiffKind.DeleteReplace)]
    public void ReplaceOnChangesProperty_UsesReplaceKinds(string? oldName, string? newName, PropertyDiffKind expected)
    {
        var result = Differ.Diff(Request(
            oldName is null ? Map() : Map(("name", oldName)),
            newName is null ? Map() : Map(("name", newName))));

        Assert.Multiple(() =>
        {
            Assert.That(result.DetailedDiff["name"], Is.EqualTo(expected));
            Assert.That(result.RequiresReplace, Is.True);
        });
    }

    [Test]
    public void ChangedMap_IsReportedPerKey_WithQuotedPathsForOddKeys()
    {
        var oldTags = PropertyValue.From(Map(("env", "dev"), ("gone", "x"), ("a.b", "1")));
        var newTags = PropertyValue.From(Map(("env", "prod"), ("new", "y"), ("a.b", "2")));

        var result = Differ.Diff(Request(Map(("tags", oldTags)), Map(("tags", newTags))));

        Assert.That(result.DetailedDiff, Is.EquivalentTo(new Dictionary<string, PropertyDiffKind>
        {
            ["tags.env"] = PropertyDiffKind.Update,
            ["tags.gone"] = PropertyDiffKind.Delete,
            ["tags.new"] = PropertyDiffKind.Add,
            ["tags[\"a.b\"]"] = PropertyDiffKind.Update,
        }));
    }

    [Test]
    public void InternalKeysAndIgnoredChanges_AreSkipped()
    {
        var result = Differ.Diff(Request(
            Map(("__meta", 1), ("size", 1)),
            Map(("__meta", 2), ("size", 2))) with
        { IgnoreChanges = ["size"] });

        Assert.That(result.HasChanges, Is.False);
    }

    /// <summary>"zone" is optional+computed and replaces: the cloud picks one when the program names none.</summary>
    private static readonly PropertyDiffer CloudChosenZone = new(
        new HashSet<string>(StringComparer.Ordinal) { "zone" }, new HashSet<string>(StringComparer.Ordinal) { "zone" });

    // (old input, new input, zone in the state, expected)
    [TestCase(null, null, "cloud-zone", null, TestName = "OptionalComputed_LeftOutOnBothSides_NoEntry")]
    [TestCase("cloud-zone", null, "cloud-zone", null, TestName = "OptionalComputed_ImportedValueLeftOutOfTheProgram_NoEntry")]
    [TestCase("zone-a", null, "zone-a", null, TestName = "OptionalComputed_RemovedFromTheProgram_KeepsTheCloudsValue_NoEntry")]
    [TestCase(null, "cloud-zone", "cloud-zone", null, TestName = "OptionalComputed_ProgramNamesWhatTheCloudChose_NoEntry")]
    [TestCase(null, "zone-b", "cloud-zone", PropertyDiffKind.UpdateReplace, TestName = "OptionalComputed_ProgramNamesAnotherValue_Replace")]
    [TestCase(null, "zone-b", null, PropertyDiffKind.AddReplace, TestName = "OptionalComputed_ProgramNamesOneTheStateLacks_AddReplace")]
    [TestCase("zone-a", "zone-b", "zone-a", PropertyDiffKind.UpdateReplace, TestName = "OptionalComputed_ChangedValue_Replace")]
    public void OptionalComputed_IsComparedOnlyWhereTheProgramSetsIt(string? oldZone, string? newZone, string? stateZone, PropertyDiffKind? expected)
    {
        var request = Request(Zone(oldZone), Zone(newZone)) with { OldState = Zone(stateZone) };

        var result = CloudChosenZone.Diff(request);

        Assert.That(result.DetailedDiff.TryGetValue("zone", out var kind) ? kind : (PropertyDiffKind?)null, Is.EqualTo(expected));
    }

    [Test]
    public void OptionalComputed_UnknownInTheProgram_IsAPossibleChange()
    {
        var request = Request(Map(), Map(("zone", PropertyValue.Unknown))) with { OldState = Zone("cloud-zone") };

        Assert.That(CloudChosenZone.Diff(request).DetailedDiff["zone"], Is.EqualTo(PropertyDiffKind.UpdateReplace));
    }

    private static PropertyMap Zone(string? zone) => zone is null ? Map() : Map(("zone", zone));

    private static DiffRequest Request(PropertyMap oldInputs, PropertyMap newInputs) => new()
    {
        Urn = "urn:pulumi:s::p::test:index:Widget::w",
        Name = "w",
        Type = "test:index:Widget",
        Log = new EngineConnection().ForResource("urn"),
        Id = "w-1",
        OldState = PropertyMap.Empty,
        OldInputs = oldInputs,
        NewInputs = newInputs,
    };

    private static PropertyMap Map(params (string Key, PropertyValue Value)[] entries) =>
        PropertyMap.From(entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)));
}
