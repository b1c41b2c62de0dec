using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Otc.Sdk.Tests.Sdk;

/// <summary>Reads the Pulumi-specific facts out of SDK declarations.</summary>
public static class SyntaxQueries
{
    /// <summary>The first string argument of an attribute named <paramref name="name"/> (with or without the suffix).</summary>
    public static string? AttributeString(MemberDeclarationSyntax member, string name) =>
        FindAttribute(member.AttributeLists, name)?.ArgumentList?.Arguments
            .Select(a => a.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Select(l => l.Token.ValueText)
            .FirstOrDefault();

    public static bool HasAttribute(MemberDeclarationSyntax member, string name) => FindAttribute(member.AttributeLists, name) is not null;

    public static IReadOnlyList<string> BaseTypes(BaseTypeDeclarationSyntax type) =>
        type.BaseList?.Types.Select(t => Normalize(t.Type.ToString())).ToList() ?? [];

    public static IReadOnlyList<SdkInput> Inputs(BaseTypeDeclarationSyntax type)
    {
        var members = type.ChildNodes().OfType<MemberDeclarationSyntax>().ToList();
        var properties = members.OfType<PropertyDeclarationSyntax>().ToList();
        var result = new List<SdkInput>();
        foreach (var member in members)
        {
            var attribute = FindAttribute(member.AttributeLists, "Input");
            if (attribute is null)
            {
                continue;
            }
            var wireName = AttributeString(member, "Input")!;
            var required = NamedFlag(attribute, "required");
            var json = NamedFlag(attribute, "json");
            var property = member switch
            {
                PropertyDeclarationSyntax p => p,
                // The codegen puts the attribute on a backing field for lists, maps and secrets; the public
                // property is the one whose accessors use that field.
                FieldDeclarationSyntax f => properties.SingleOrDefault(p => UsesIdentifier(p, f.Declaration.Variables.Single().Identifier.ValueText)),
                _ => null,
            };
            if (property is null)
            {
                result.Add(new SdkInput(wireName, "<no public property uses the backing field>", "", required, json, false));
                continue;
            }
            result.Add(new SdkInput(
                wireName,
                property.Identifier.ValueText,
                Normalize(property.Type.ToString()),
                required,
                json,
                SetterCreatesSecret(property)));
        }
        return result;
    }

    public static IReadOnlyList<SdkOutput> Outputs(BaseTypeDeclarationSyntax type) =>
        type.ChildNodes().OfType<PropertyDeclarationSyntax>()
            .Where(p => HasAttribute(p, "Output"))
            .Select(p => new SdkOutput(AttributeString(p, "Output")!, p.Identifier.ValueText, Normalize(p.Type.ToString())))
            .ToList();

    /// <summary>Assignments in the parameterless constructor: property name to expression text.</summary>
    public static IReadOnlyDictionary<string, string> ConstructorDefaults(BaseTypeDeclarationSyntax type)
    {
        var constructor = type.ChildNodes().OfType<ConstructorDeclarationSyntax>()
            .SingleOrDefault(c => c.ParameterList.Parameters.Count == 0 && !c.Modifiers.Any(SyntaxKind.StaticKeyword));
        if (constructor?.Body is null)
        {
            return new Dictionary<string, string>();
        }
        return constructor.Body.Statements
            .OfType<ExpressionStatementSyntax>()
            .Select(s => s.Expression)
            .OfType<AssignmentExpressionSyntax>()
            .ToDictionary(a => a.Left.ToString(), a => Normalize(a.Right.ToString()), StringComparer.Ordinal);
    }

    /// <summary>
    /// The string literals of a collection initializer such as <c>ReplaceOnChanges = { "a", "b" }</c> inside the
    /// resource's <c>MakeResourceOptions</c>; null when the option is not set.
    /// </summary>
    public static IReadOnlyList<string>? ResourceOptionList(BaseTypeDeclarationSyntax type, string optionName)
    {
        var method = type.ChildNodes().OfType<MethodDeclarationSyntax>()
            .SingleOrDefault(m => m.Identifier.ValueText == "MakeResourceOptions");
        var assignment = method?.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .SingleOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var n } && n == optionName);
        return assignment?.Right is InitializerExpressionSyntax initializer
            ? initializer.Expressions.OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText).ToList()
            : null;
    }

    public static IReadOnlyList<SdkEnumValue> EnumValues(BaseTypeDeclarationSyntax type) =>
        type.ChildNodes().OfType<PropertyDeclarationSyntax>()
            .Where(p => p.Modifiers.Any(SyntaxKind.StaticKeyword) && Normalize(p.Type.ToString()) == type.Identifier.ValueText)
            .Select(p => new SdkEnumValue(
                p.Identifier.ValueText,
                p.Initializer?.Value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax literal }] }
                    ? literal.Token.ValueText
                    : "<not created from a string literal>",
                HasAttribute(p, "Obsolete")))
            .ToList();

    public static bool HasExplicitConversionTo(BaseTypeDeclarationSyntax type, string targetType) =>
        type.ChildNodes().OfType<ConversionOperatorDeclarationSyntax>()
            .Any(c => c.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ExplicitKeyword) && Normalize(c.Type.ToString()) == targetType);

    public static IReadOnlyList<SdkOutputField> ReadonlyFields(BaseTypeDeclarationSyntax type) =>
        type.ChildNodes().OfType<FieldDeclarationSyntax>()
            .Where(f => f.Modifiers.Any(SyntaxKind.PublicKeyword) && f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
            .SelectMany(f => f.Declaration.Variables.Select(v => new SdkOutputField(v.Identifier.ValueText, Normalize(f.Declaration.Type.ToString()))))
            .ToList();

    /// <summary>Parameters of the <c>[OutputConstructor]</c>; null when there is none.</summary>
    public static IReadOnlyList<SdkConstructorParameter>? OutputConstructorParameters(BaseTypeDeclarationSyntax type) =>
        type.ChildNodes().OfType<ConstructorDeclarationSyntax>()
            .SingleOrDefault(c => HasAttribute(c, "OutputConstructor"))?
            .ParameterList.Parameters
            .Select(p => new SdkConstructorParameter(p.Identifier.ValueText, Normalize(p.Type!.ToString())))
            .ToList();

    /// <summary>
    /// The constructor's <c>: base(...)</c> arguments as text, for the constructor whose first parameter is
    /// <c>string name</c> and second is the args type.
    /// </summary>
    public static IReadOnlyList<string>? PublicConstructorBaseArguments(BaseTypeDeclarationSyntax type, out string? argsParameterType)
    {
        var constructor = type.ChildNodes().OfType<ConstructorDeclarationSyntax>()
            .FirstOrDefault(c => c.Modifiers.Any(SyntaxKind.PublicKeyword) && c.ParameterList.Parameters.Count == 3);
        argsParameterType = constructor is null ? null : Normalize(constructor.ParameterList.Parameters[1].Type!.ToString());
        return constructor?.Initializer?.ArgumentList.Arguments.Select(a => Normalize(a.Expression.ToString())).ToList();
    }

    public static bool IsStatic(BaseTypeDeclarationSyntax type) => type.Modifiers.Any(SyntaxKind.StaticKeyword);

    /// <summary>The public methods of a type, each with the first <c>Deployment.Instance</c> call in its body.</summary>
    public static IReadOnlyList<SdkMethod> PublicMethods(BaseTypeDeclarationSyntax type) =>
        type.ChildNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword))
            .Select(m =>
            {
                var call = DeploymentCalls(m).FirstOrDefault();
                return new SdkMethod(
                    m.Identifier.ValueText,
                    Normalize(m.ReturnType.ToString()),
                    m.ParameterList.Parameters
                        .Select(p => new SdkParameter(Normalize(p.Type?.ToString() ?? ""), p.Identifier.ValueText, p.Default is null ? null : Normalize(p.Default.Value.ToString())))
                        .ToList(),
                    m.Modifiers.Any(SyntaxKind.StaticKeyword),
                    call is null ? null : Normalize(call.Expression.ToString()),
                    call?.ArgumentList.Arguments.Select(a => Normalize(a.Expression.ToString())).ToList() ?? []);
            })
            .ToList();

    /// <summary>
    /// The function tokens a type invokes: the string literals passed first to <c>Deployment.Instance.Invoke...</c>
    /// calls (<c>Invoke</c>, <c>InvokeAsync</c>, <c>InvokeSingle</c>, ...), each once.
    /// </summary>
    public static IReadOnlyList<string> InvokedTokens(BaseTypeDeclarationSyntax type) =>
        DeploymentCalls(type)
            .Where(c => ((MemberAccessExpressionSyntax)c.Expression).Name.Identifier.ValueText.StartsWith("Invoke", StringComparison.Ordinal))
            .Select(c => c.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Select(l => l.Token.ValueText)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The <c>Config</c> class's static properties and the config key and environment variables each reads.</summary>
    public static IReadOnlyList<SdkConfigEntry> ConfigEntries(BaseTypeDeclarationSyntax type)
    {
        var fields = type.ChildNodes().OfType<FieldDeclarationSyntax>()
            .SelectMany(f => f.Declaration.Variables)
            .ToDictionary(v => v.Identifier.ValueText, v => v, StringComparer.Ordinal);
        var entries = new List<SdkConfigEntry>();
        foreach (var property in type.ChildNodes().OfType<PropertyDeclarationSyntax>().Where(p => p.Modifiers.Any(SyntaxKind.PublicKeyword)))
        {
            var backing = property.DescendantNodes().OfType<IdentifierNameSyntax>()
                .Select(i => i.Identifier.ValueText)
                .FirstOrDefault(fields.ContainsKey);
            var initializer = backing is null ? null : fields[backing].Initializer?.Value;
            var invocations = initializer?.DescendantNodes().OfType<InvocationExpressionSyntax>().ToList() ?? [];
            var configRead = invocations.FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "__config" } });
            var environment = invocations
                .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Utilities" } })
                .SelectMany(i => i.ArgumentList.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText))
                .ToList();
            entries.Add(new SdkConfigEntry(
                property.Identifier.ValueText,
                Normalize(property.Type.ToString()),
                configRead is null ? "" : Normalize(((MemberAccessExpressionSyntax)configRead.Expression).Name.ToString()),
                configRead?.ArgumentList.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>().FirstOrDefault()?.Token.ValueText ?? "",
                environment));
        }
        return entries;
    }

    /// <summary>String literal arguments of every <c>new global::Pulumi.Config(...)</c> in the type.</summary>
    public static IReadOnlyList<string> PulumiConfigNamespaces(BaseTypeDeclarationSyntax type) =>
        type.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
            .Where(o => Normalize(o.Type.ToString()) is "global::Pulumi.Config" or "Pulumi.Config")
            .SelectMany(o => o.ArgumentList?.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>() ?? [])
            .Select(l => l.Token.ValueText)
            .ToList();

    /// <summary>Removes whitespace so that type and expression texts compare regardless of formatting.</summary>
    public static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static AttributeSyntax? FindAttribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a => SimpleName(a.Name) is var simple && (simple == name || simple == name + "Attribute"));

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static IEnumerable<InvocationExpressionSyntax> DeploymentCalls(SyntaxNode node) =>
        node.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: var target }
                        && Normalize(target.ToString()) is "global::Pulumi.Deployment.Instance" or "Pulumi.Deployment.Instance" or "Deployment.Instance");

    private static bool NamedFlag(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.Any(a =>
            (a.NameColon?.Name.Identifier.ValueText == name || a.NameEquals?.Name.Identifier.ValueText == name)
            && a.Expression.IsKind(SyntaxKind.TrueLiteralExpression)) == true;

    private static bool UsesIdentifier(PropertyDeclarationSyntax property, string identifier) =>
        property.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == identifier);

    private static bool SetterCreatesSecret(PropertyDeclarationSyntax property)
    {
        var setter = property.AccessorList?.Accessors.SingleOrDefault(a => a.IsKind(SyntaxKind.SetAccessorDeclaration));
        return setter is not null && setter.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Any(m => m.Name.Identifier.ValueText == "CreateSecret" && m.Expression.ToString().EndsWith("Output", StringComparison.Ordinal));
    }
}
