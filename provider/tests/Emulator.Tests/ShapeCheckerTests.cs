using System.Text.Json.Nodes;
using Otc.Emulator.Tests.DocumentedShapes;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>The documented-shape check itself: it must catch a removed, a retyped and an undocumented field.</summary>
public class ShapeCheckerTests
{
    private static async Task<(JsonNode Answer, DocumentedOperation Documented)> LiveServiceAnswerAsync()
    {
        await using var session = await EmulatorSession.StartAsync();
        var id = await session.CreateAvailableServiceAsync();
        var reply = await session.GetAsync($"{session.ServicesPath}/{id}");
        return (reply.Body, DocumentedOperation.Named("vpcep-service-get.json"));
    }

    [Test]
    public async Task The_unchanged_emulator_answer_passes()
    {
        var (answer, documented) = await LiveServiceAnswerAsync();

        Assert.That(ShapeChecker.Problems(answer, documented.Cases[0].Example, documented.Fields), Is.Empty);
    }

    [TestCase("pool_id")]
    [TestCase("created_at")]
    [TestCase("description")]
    public async Task Removing_a_documented_field_from_the_emulator_answer_fails_the_check(string field)
    {
        var (answer, documented) = await LiveServiceAnswerAsync();
        answer.AsObject().Remove(field);

        var problems = ShapeChecker.Problems(answer, documented.Cases[0].Example, documented.Fields);

        Assert.That(problems, Has.One.EqualTo($"$.{field}: in the documented example, missing from the answer"));
    }

    [Test]
    public async Task Removing_a_field_inside_a_list_element_fails_the_check()
    {
        var (answer, documented) = await LiveServiceAnswerAsync();
        answer["ports"]![0]!.AsObject().Remove("protocol");

        Assert.That(ShapeChecker.Problems(answer, documented.Cases[0].Example, documented.Fields),
            Has.One.EqualTo("$.ports[0].protocol: in the documented example, missing from the answer"));
    }

    [Test]
    public async Task A_field_of_another_json_type_fails_the_check()
    {
        var (answer, documented) = await LiveServiceAnswerAsync();
        answer["approval_enabled"] = "true";

        Assert.That(ShapeChecker.Problems(answer, documented.Cases[0].Example, documented.Fields),
            Has.One.EqualTo("$.approval_enabled: the example has boolean, the answer string"));
    }

    [Test]
    public async Task An_undocumented_field_fails_the_check()
    {
        var (answer, documented) = await LiveServiceAnswerAsync();
        answer["connection_count"] = 0;

        Assert.That(ShapeChecker.Problems(answer, documented.Cases[0].Example, documented.Fields),
            Has.One.EqualTo("$.connection_count: not a documented field"));
    }

    [Test]
    public void A_list_element_is_held_to_the_example_element_of_its_kind()
    {
        var documented = DocumentedOperation.Named("vpcep-endpoint-list.json");
        var answer = documented.Cases[0].Example!.DeepClone();
        var gateway = answer["endpoints"]![0]!.AsObject();
        gateway.Remove("policy_statement");

        Assert.That(ShapeChecker.Problems(answer, documented.Cases[0].Example, documented.Fields),
            Has.One.EqualTo("$.endpoints[0].policy_statement: in the documented example, missing from the answer"));
    }
}
