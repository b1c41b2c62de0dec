using Otc.ProviderHost.Engine;
using Otc.ProviderHost.Schema;
using Otc.ProviderHost.Server;
using Otc.ProviderHost.Tests.TestProvider;

namespace Otc.ProviderHost.Tests.Server;

public sealed class HelperTests
{
    [TestCase(new[] { "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "--logtostderr", "-v=9", "--logflow", "--tracing", "http://t:1", "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "-v=3" }, null)]
    [TestCase(new string[0], null)]
    public void EngineAddress_IsThePositionalArgumentAfterTheEngineFlags(string[] args, string? expected)
    {
        Assert.That(EngineArguments.EngineAddress(args), Is.EqualTo(expected));
    }

    [TestCase("tags.env", "tags")]
    [TestCase("ports[0].port", "ports")]
    [TestCase("tags[\"a.b\"]", "tags")]
    [TestCase("[\"root key\"].x", "root key")]
    [TestCase("[\"say \\\"hi\\\"\"]", "say \"hi\"")]
    [TestCase("size", "size")]
    public void TopLevelKey_FollowsTheEnginePathSyntax(string path, string expected)
    {
        Assert.That(PropertyPaths.TopLevelKey(path), Is.EqualTo(expected));
    }

    [Test]
    public void PackageSchema_IndexesReplaceSecretAndConfigFacts()
    {
        var schema = new PackageSchema(WidgetProvider.SchemaJson);

        Assert.Multiple(() =>
        {
            Assert.That(schema.ReplaceOnChanges("test:index:Widget"), Is.EquivalentTo(new[] { "name" }));
            Assert.That(schema.SecretProperties("test:index:Widget"), Is.EquivalentTo(new[] { "serial" }));
            Assert.That(schema.ReplaceOnChanges("test:index:Nope"), Is.Empty);
            Assert.That(schema.ConfigVariableType("maxRetries"), Is.EqualTo(SchemaValueType.Integer));
            Assert.That(schema.ConfigVariableType("endpoints"), Is.EqualTo(SchemaValueType.Object));
            Assert.That(schema.ConfigVariableType("undeclared"), Is.Null);
            Assert.That(schema.SecretConfigVariables, Is.EquivalentTo(new[] { "token" }));
        });
    }
}
