using Otc.Sdk.Tests.Schema;

namespace Otc.Sdk.Tests.Docs;

/// <summary>
/// Every resource and function in schema.json is named and linked in the README, and its page has a C# example and,
/// for a resource, an <c>## Import</c> section. The edits below prove that a gap fails the check.
/// </summary>
[TestFixture]
public sealed class DocsCoverageTests
{
    private const string ServicePage = "provider/src/Provider/Resources/VpcEndpointService/VpcEndpointService.md";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));

    [Test]
    public void Every_resource_and_function_of_the_schema_is_documented_and_linked_from_the_readme()
    {
        var schema = SdkFixture.Schema;
        Assert.Multiple(() =>
        {
            Assert.That(schema.Resources.Select(r => r.Token), Is.SupersetOf(new[] { "otc:vpcep:VpcEndpointService", "otc:vpcep:VpcEndpoint", "otc:vpcep:VpcEndpointApproval" }));
            Assert.That(DocsCoverage.Problems(schema, Readme, ReadCommitted), Is.Empty);
        });
    }

    [Test]
    public void The_registry_overview_page_has_a_csharp_example_that_parses()
    {
        var overview = ReadCommitted("docs/_index.md");
        Assert.That(overview, Is.Not.Null, "docs/_index.md is missing");
        var examples = DocsCoverage.CSharpBlocks(overview!);
        Assert.Multiple(() =>
        {
            Assert.That(examples, Is.Not.Empty);
            Assert.That(examples.SelectMany(DocsCoverage.SyntaxErrors), Is.Empty);
        });
    }

    [Test]
    public void The_readme_csharp_examples_parse() =>
        Assert.That(DocsCoverage.CSharpBlocks(Readme).SelectMany(DocsCoverage.SyntaxErrors), Is.Empty);

    [Test]
    public void A_resource_the_readme_does_not_name_is_reported()
    {
        var schema = SdkFixture.Schema;
        var extended = schema with { Resources = [.. schema.Resources, new ResourceSchema("otc:vpcep:VpcEndpointPolicy", [], [], null)] };

        Assert.That(DocsCoverage.Problems(extended, Readme, ReadCommitted),
            Is.EqualTo(new[] { "otc:vpcep:VpcEndpointPolicy: the README does not name and link it as [`otc:vpcep:VpcEndpointPolicy`](<page>)" }));
    }

    [Test]
    public void A_function_the_readme_does_not_name_is_reported()
    {
        var schema = SdkFixture.Schema;
        var extended = schema with { Functions = [.. schema.Functions, new FunctionSchema("otc:vpcep:getVpcEndpointPolicy", null, null, null)] };

        Assert.That(DocsCoverage.Problems(extended, Readme, ReadCommitted), Has.Some.StartsWith("otc:vpcep:getVpcEndpointPolicy: the README does not name"));
    }

    [Test]
    public void A_link_to_a_page_that_does_not_exist_is_reported()
    {
        var moved = Readme.Replace("(" + ServicePage + ")", "(docs/vpc-endpoint-service.md)", StringComparison.Ordinal);
        Assert.That(moved, Is.Not.EqualTo(Readme), "the README must link the service's page");

        Assert.That(DocsCoverage.Problems(SdkFixture.Schema, moved, ReadCommitted),
            Has.Some.EqualTo("otc:vpcep:VpcEndpointService: the README links to docs/vpc-endpoint-service.md, which does not exist"));
    }

    private static IEnumerable<TestCaseData> PageEdits()
    {
        yield return PageEdit("import section renamed", "\n## Import\n", "\n## Importing\n",
            "otc:vpcep:VpcEndpointService: " + ServicePage + " has no '## Import' section");
        yield return PageEdit("import command left out", "pulumi import otc:vpcep:VpcEndpointService ", "pulumi import ",
            "the '## Import' section of " + ServicePage + " does not show 'pulumi import otc:vpcep:VpcEndpointService <name> <id>'");
        yield return PageEdit("examples in another language", "```csharp\n", "```typescript\n",
            ServicePage + " has no C# example (a ```csharp block)");
        yield return PageEdit("example that does not parse", "new VpcEndpointService(", "new VpcEndpointService((",
            "a C# example in " + ServicePage + " does not parse");
        yield return PageEdit("heading without the token", "# otc:vpcep:VpcEndpointService\n", "# VPC endpoint service\n",
            ServicePage + " does not start with the heading '# otc:vpcep:VpcEndpointService'");
    }

    [TestCaseSource(nameof(PageEdits))]
    public void A_page_gap_is_reported(string find, string replace, string expected)
    {
        var page = ReadCommitted(ServicePage)!;
        Assert.That(page, Does.Contain(find), "the edit must apply to the committed page");
        var edited = page.Replace(find, replace, StringComparison.Ordinal);

        var problems = DocsCoverage.Problems(SdkFixture.Schema, Readme, path => path == ServicePage ? edited : ReadCommitted(path));

        Assert.That(problems, Has.Some.Contains(expected));
    }

    private static string? ReadCommitted(string relativePath)
    {
        var path = Path.Combine(RepositoryLayout.Root, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static TestCaseData PageEdit(string name, string find, string replace, string expected) =>
        new TestCaseData(find, replace, expected).SetArgDisplayNames(name);
}
