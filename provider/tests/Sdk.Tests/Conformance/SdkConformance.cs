using Otc.Sdk.Tests.Schema;
using Otc.Sdk.Tests.Sdk;

namespace Otc.Sdk.Tests.Conformance;

/// <summary>
/// Compares a package schema with a C# SDK, both ways, and lists every disagreement as a readable sentence.
/// An empty list means the SDK declares exactly what the schema describes.
/// </summary>
public sealed class SdkConformance(PackageSchema schema, SdkSources sdk)
{
    private const string ResourceArgsBase = "global::Pulumi.ResourceArgs";
    private const string InvokeArgsBase = "global::Pulumi.InvokeArgs";

    private readonly CSharpNaming _naming = new(schema);

    public IReadOnlyList<string> All() =>
    [
        .. Resources(),
        .. Functions(),
        .. Provider(),
        .. ObjectTypes(),
        .. Enums(),
        .. Config(),
        .. UndeclaredInSchema(),
    ];

    public IReadOnlyList<string> Resources()
    {
        var problems = new List<string>();
        foreach (var resource in schema.Resources)
        {
            var ns = _naming.ModuleNamespace(resource.Token);
            var name = CSharpNaming.MemberName(resource.Token);
            var resourceClass = sdk.Find(ns + "." + name);
            if (resourceClass is null)
            {
                problems.Add($"resource {resource.Token}: class {ns}.{name} is missing");
                continue;
            }
            ResourceClass(problems, resource, resourceClass, "global::Pulumi.CustomResource", resource.Token, isProvider: false);

            var args = ExpectClass(problems, ns + "." + name + "Args", ResourceArgsBase);
            if (args is not null)
            {
                InputMembers(problems, args, resource.Inputs, ns, InputShape.Args, isProvider: false);
                Defaults(problems, args, resource.Inputs);
            }

            var stateName = ns + "." + name + "State";
            if (resource.StateInputs is null)
            {
                if (sdk.Find(stateName) is not null)
                {
                    problems.Add($"{stateName} exists but the schema declares no stateInputs for {resource.Token}");
                }
            }
            else if (ExpectClass(problems, stateName, ResourceArgsBase) is { } state)
            {
                InputMembers(problems, state, resource.StateInputs, ns, InputShape.State, isProvider: false);
                Defaults(problems, state, resource.StateInputs);
            }
        }
        return problems;
    }

    /// <summary>
    /// Every schema function: its static class with the <c>InvokeAsync</c> and <c>Invoke</c> methods codegen emits
    /// (each calling the function's token), <c>XArgs</c> and <c>XInvokeArgs</c> with exactly the inputs, and an
    /// <c>XResult</c> output class with exactly the outputs.
    /// </summary>
    public IReadOnlyList<string> Functions()
    {
        var problems = new List<string>();
        foreach (var function in schema.Functions)
        {
            var ns = _naming.ModuleNamespace(function.Token);
            var fullName = FunctionClassFullName(function);
            if (sdk.Find(fullName) is { } functionClass)
            {
                FunctionClass(problems, function, functionClass);
            }
            else
            {
                problems.Add($"function {function.Token}: static class {fullName} is missing");
            }

            ClassIfExpected(problems, fullName + "Args", InvokeArgsBase, function.Inputs is not null, $"the schema declares no inputs for {function.Token}", args =>
            {
                InputMembers(problems, args, function.Inputs!, ns, InputShape.Plain, isProvider: false);
                Defaults(problems, args, function.Inputs!);
            });
            ClassIfExpected(problems, fullName + "InvokeArgs", InvokeArgsBase, HasInvokeOverloadArgs(function), $"{function.Token} has no inputs or no outputs, so no Invoke overload takes it", args =>
            {
                InputMembers(problems, args, function.Inputs!, ns, InputShape.Args, isProvider: false);
                Defaults(problems, args, function.Inputs!);
            });
            ClassIfExpected(problems, fullName + "Result", baseType: null, function.Outputs is not null, $"the schema declares no outputs for {function.Token}", result =>
                OutputClass(problems, result, function.Outputs!, ns));
        }
        return problems;
    }

    public IReadOnlyList<string> Provider()
    {
        var problems = new List<string>();
        var ns = _naming.PackageNamespace;
        var provider = ExpectClass(problems, ns + ".Provider", "global::Pulumi.ProviderResource");
        if (provider is not null)
        {
            ResourceClass(problems, schema.Provider, provider, "global::Pulumi.ProviderResource", schema.Name, isProvider: true);
        }
        var args = ExpectClass(problems, ns + ".ProviderArgs", ResourceArgsBase);
        if (args is not null)
        {
            InputMembers(problems, args, schema.Provider.Inputs, ns, InputShape.Args, isProvider: true);
            Defaults(problems, args, schema.Provider.Inputs);
        }
        return problems;
    }

    public IReadOnlyList<string> ObjectTypes()
    {
        var problems = new List<string>();
        var allResources = schema.Resources.Append(schema.Provider).ToList();
        var usedAsInput = schema.ObjectTypesReachableFrom(allResources.SelectMany(r => r.Inputs));
        var usedAsState = schema.ObjectTypesReachableFrom(allResources.SelectMany(r => r.StateInputs ?? []));
        var usedAsOutput = schema.ObjectTypesReachableFrom(
            allResources.SelectMany(r => r.Outputs).Concat(schema.Functions.SelectMany(f => f.Outputs ?? [])));
        foreach (var type in schema.ObjectTypes)
        {
            var ns = _naming.ModuleNamespace(type.Token);
            var name = CSharpNaming.MemberName(type.Token);
            // Codegen marks a type that state inputs use as an input type too, so it gets an Args class as well as
            // its GetArgs class even when no resource's inputs use it.
            InputObject(problems, type, ns, ns + ".Inputs." + name + "Args", InputShape.Args, usedAsInput.Contains(type.Token) || usedAsState.Contains(type.Token));
            InputObject(problems, type, ns, ns + ".Inputs." + name + "GetArgs", InputShape.State, usedAsState.Contains(type.Token));

            var outputName = ns + ".Outputs." + _naming.OutputObjectName(type.Token);
            if (!usedAsOutput.Contains(type.Token))
            {
                if (sdk.Find(outputName) is not null)
                {
                    problems.Add($"{outputName} exists but no resource or function output uses {type.Token}");
                }
                continue;
            }
            if (ExpectClass(problems, outputName, baseType: null) is { } output)
            {
                OutputClass(problems, output, type.Properties, ns);
            }
        }
        return problems;
    }

    public IReadOnlyList<string> Enums()
    {
        var problems = new List<string>();
        foreach (var enumType in schema.EnumTypes)
        {
            var fullName = _naming.ModuleNamespace(enumType.Token) + "." + CSharpNaming.MemberName(enumType.Token);
            var declared = sdk.Find(fullName);
            if (declared is null)
            {
                problems.Add($"enum {enumType.Token}: struct {fullName} is missing");
                continue;
            }
            if (!SyntaxQueries.HasAttribute(declared.Syntax, "EnumType"))
            {
                problems.Add($"{fullName} lacks [EnumType]");
            }
            var underlying = enumType.UnderlyingType == "string" ? "string" : "double";
            if (!SyntaxQueries.HasExplicitConversionTo(declared.Syntax, underlying))
            {
                problems.Add($"{fullName} lacks an explicit conversion to {underlying}");
            }
            var values = SyntaxQueries.EnumValues(declared.Syntax);
            foreach (var value in enumType.Values)
            {
                var expectedName = CSharpNaming.EnumMemberName(value);
                var match = values.Where(v => v.Value == value.Value).ToList();
                if (match.Count != 1)
                {
                    problems.Add($"{fullName}: value \"{value.Value}\" is declared {match.Count} times, expected once as {expectedName}");
                    continue;
                }
                if (match[0].CSharpName != expectedName)
                {
                    problems.Add($"{fullName}: value \"{value.Value}\" is named {match[0].CSharpName}, expected {expectedName}");
                }
                if (match[0].Obsolete != (value.DeprecationMessage is not null))
                {
                    problems.Add($"{fullName}.{expectedName}: [Obsolete] is {(match[0].Obsolete ? "present" : "absent")} but the schema value is {(value.DeprecationMessage is null ? "not " : "")}deprecated");
                }
            }
            foreach (var extra in values.Where(v => enumType.Values.All(e => e.Value != v.Value)))
            {
                problems.Add($"{fullName}.{extra.CSharpName} = \"{extra.Value}\" is not a value of {enumType.Token} in the schema");
            }
        }
        return problems;
    }

    public IReadOnlyList<string> Config()
    {
        var problems = new List<string>();
        var fullName = _naming.PackageNamespace + ".Config";
        var config = sdk.Find(fullName);
        if (schema.ConfigVariables.Count == 0)
        {
            return config is null ? problems : [$"{fullName} exists but the schema has no config variables"];
        }
        if (config is null)
        {
            return [$"{fullName} is missing"];
        }
        if (!SyntaxQueries.PulumiConfigNamespaces(config.Syntax).SequenceEqual([schema.Name]))
        {
            problems.Add($"{fullName} must read exactly one new global::Pulumi.Config(\"{schema.Name}\")");
        }
        var entries = SyntaxQueries.ConfigEntries(config.Syntax);
        foreach (var variable in schema.ConfigVariables)
        {
            var entry = entries.SingleOrDefault(e => e.WireName == variable.Name);
            if (entry is null)
            {
                problems.Add($"config {schema.Name}:{variable.Name}: no Config property reads it");
                continue;
            }
            var (type, getter) = CSharpNaming.ConfigAccess(variable);
            Expect(problems, $"config {variable.Name}: C# name", entry.CSharpName, CSharpNaming.PropertyName(variable.Name));
            Expect(problems, $"config {variable.Name}: type", entry.Type, type);
            Expect(problems, $"config {variable.Name}: reader", entry.ConfigGetter, getter);
            Expect(problems, $"config {variable.Name}: environment fallback", string.Join(",", entry.Environment), string.Join(",", variable.Environment));
        }
        foreach (var extra in entries.Where(e => schema.ConfigVariables.All(v => v.Name != e.WireName)))
        {
            problems.Add($"{fullName}.{extra.CSharpName} reads config key '{extra.WireName}' that the schema lacks");
        }
        return problems;
    }

    /// <summary>The reverse direction at type level: SDK declarations that no schema entry accounts for.</summary>
    public IReadOnlyList<string> UndeclaredInSchema()
    {
        var problems = new List<string>();
        var attributeName = _naming.ResourceTypeAttributePrefix + "ResourceType";
        var knownTokens = schema.Resources.Select(r => r.Token).Append("pulumi:providers:" + schema.Name).ToHashSet(StringComparer.Ordinal);
        var functionClasses = schema.Functions.ToDictionary(f => f.Token, FunctionClassFullName, StringComparer.Ordinal);
        var outputClasses = ExpectedOutputClasses();
        foreach (var type in sdk.Types)
        {
            var token = SyntaxQueries.AttributeString(type.Syntax, attributeName);
            if (token is not null && !knownTokens.Contains(token))
            {
                problems.Add($"{type.FullName} is registered as {token}, which the schema does not declare");
            }
            if (SyntaxQueries.HasAttribute(type.Syntax, "EnumType")
                && schema.EnumTypes.All(e => _naming.ModuleNamespace(e.Token) + "." + CSharpNaming.MemberName(e.Token) != type.FullName))
            {
                problems.Add($"enum struct {type.FullName} has no enum type in the schema");
            }
            if (SyntaxQueries.HasAttribute(type.Syntax, "OutputType") && !outputClasses.Contains(type.FullName))
            {
                problems.Add($"output type {type.FullName} has no object type or function in the schema");
            }
            if (SyntaxQueries.BaseTypes(type.Syntax).Contains(ResourceArgsBase) && !ExpectedArgsClasses().Contains(type.FullName))
            {
                problems.Add($"args class {type.FullName} has no schema resource, state or object type behind it");
            }
            if (SyntaxQueries.BaseTypes(type.Syntax).Contains(InvokeArgsBase)
                && schema.Functions.All(f => FunctionClassFullName(f) + "Args" != type.FullName && FunctionClassFullName(f) + "InvokeArgs" != type.FullName))
            {
                problems.Add($"invoke args class {type.FullName} has no schema function behind it");
            }
            FunctionClassBehindSchema(problems, type, functionClasses);
        }
        return problems;
    }

    /// <summary>Every class that invokes a function (or declares static invoke methods) stands for a schema function.</summary>
    private static void FunctionClassBehindSchema(List<string> problems, SdkType type, Dictionary<string, string> functionClasses)
    {
        var invoked = SyntaxQueries.InvokedTokens(type.Syntax);
        foreach (var token in invoked)
        {
            if (!functionClasses.TryGetValue(token, out var expectedClass))
            {
                problems.Add($"{type.FullName} invokes {token}, which the schema does not declare as a function");
            }
            else if (expectedClass != type.FullName)
            {
                problems.Add($"{type.FullName} invokes {token}, whose class codegen names {expectedClass}");
            }
        }
        if (invoked.Count == 0 && SyntaxQueries.PublicMethods(type.Syntax).Any(m => m.IsStatic && m.Name is "Invoke" or "InvokeAsync"))
        {
            problems.Add($"{type.FullName} declares static Invoke/InvokeAsync methods but invokes no function token");
        }
    }

    private HashSet<string> ExpectedOutputClasses()
    {
        var names = schema.ObjectTypes
            .Select(o => _naming.ModuleNamespace(o.Token) + ".Outputs." + _naming.OutputObjectName(o.Token))
            .ToHashSet(StringComparer.Ordinal);
        names.UnionWith(schema.Functions.Select(f => FunctionClassFullName(f) + "Result"));
        return names;
    }

    private string FunctionClassFullName(FunctionSchema function) =>
        _naming.ModuleNamespace(function.Token) + "." + CSharpNaming.FunctionClassName(function.Token);

    /// <summary>Codegen's <c>XInvokeArgs</c> (and the <c>Invoke</c> overloads' args parameter) need inputs and outputs.</summary>
    private static bool HasInvokeOverloadArgs(FunctionSchema function) => function.Inputs is { Count: > 0 } && function.Outputs is not null;

    private void FunctionClass(List<string> problems, FunctionSchema function, SdkType functionClass)
    {
        var where = functionClass.FullName;
        if (!SyntaxQueries.IsStatic(functionClass.Syntax))
        {
            problems.Add($"{where} is not a static class");
        }
        var obsolete = SyntaxQueries.HasAttribute(functionClass.Syntax, "Obsolete");
        if (obsolete != (function.DeprecationMessage is not null))
        {
            problems.Add($"{where}: [Obsolete] is {(obsolete ? "present" : "absent")} but the schema {(function.DeprecationMessage is null ? "does not deprecate" : "deprecates")} {function.Token}");
        }

        var expected = ExpectedInvokeMethods(function, functionClass.Name);
        var actual = SyntaxQueries.PublicMethods(functionClass.Syntax);
        // The overloads differ in their last parameter, the options: InvokeOptions? or InvokeOutputOptions.
        static bool SameOverload(SdkMethod a, SdkMethod b) =>
            a.Name == b.Name && a.Parameters.LastOrDefault()?.Type == b.Parameters.LastOrDefault()?.Type;
        foreach (var want in expected)
        {
            var matches = actual.Where(m => SameOverload(m, want)).ToList();
            if (matches.Count != 1)
            {
                problems.Add($"{where}: {want.Signature} is declared {matches.Count} times, expected once");
                continue;
            }
            var have = matches[0];
            var label = $"{where}.{want.Name}(..., {want.Parameters[^1].Type} options)";
            if (!have.IsStatic)
            {
                problems.Add($"{label} is not static");
            }
            Expect(problems, $"{label}: return type", have.ReturnType, want.ReturnType);
            Expect(problems, $"{label}: parameter list", string.Join(", ", have.Parameters), string.Join(", ", want.Parameters));
            Expect(problems, $"{label}: call", have.Callee ?? "<no Deployment.Instance call>", want.Callee!);
            Expect(problems, $"{label}: token", have.Arguments.FirstOrDefault() ?? "<none>", want.Arguments[0]);
            Expect(problems, $"{label}: arguments after the token", string.Join(", ", have.Arguments.Skip(1)), string.Join(", ", want.Arguments.Skip(1)));
        }
        foreach (var extra in actual.Where(m => !expected.Any(e => SameOverload(m, e))))
        {
            problems.Add($"{where}: {extra.Signature} is not an invoke method codegen emits for {function.Token}");
        }
    }

    /// <summary>
    /// The methods codegen emits for a function: <c>InvokeAsync</c> with the plain args, and, when the function
    /// returns something, <c>Invoke</c> with <c>Input</c> args once with <c>InvokeOptions?</c> and once with
    /// <c>InvokeOutputOptions</c> (where the args cannot be optional, or the overloads would be ambiguous).
    /// </summary>
    private static List<SdkMethod> ExpectedInvokeMethods(FunctionSchema function, string className)
    {
        var result = className + "Result";
        var token = "\"" + function.Token + "\"";
        var allOptional = function.Inputs?.All(p => !p.Required) ?? true;
        var options = new SdkParameter("InvokeOptions?", "options", "null");
        const string WithDefaults = "options.WithDefaults()";

        var asyncArgs = function.Inputs is null
            ? Array.Empty<SdkParameter>()
            : [new SdkParameter(className + "Args" + (allOptional ? "?" : ""), "args", allOptional ? "null" : null)];
        var methods = new List<SdkMethod>
        {
            new("InvokeAsync",
                function.Outputs is null ? "Task" : "Task<" + result + ">",
                [.. asyncArgs, options],
                IsStatic: true,
                "global::Pulumi.Deployment.Instance.InvokeAsync" + (function.Outputs is null ? "" : "<" + result + ">"),
                [token, function.Inputs is null ? "InvokeArgs.Empty" : "args??new" + className + "Args()", WithDefaults]),
        };
        if (function.Outputs is null)
        {
            return methods;
        }

        var invokeArgs = className + "InvokeArgs";
        var hasArgs = HasInvokeOverloadArgs(function);
        var argument = hasArgs ? "args??new" + invokeArgs + "()" : "InvokeArgs.Empty";
        var callee = "global::Pulumi.Deployment.Instance.Invoke<" + result + ">";
        var withOptions = hasArgs
            ? [new SdkParameter(invokeArgs + (allOptional ? "?" : ""), "args", allOptional ? "null" : null)]
            : Array.Empty<SdkParameter>();
        var withOutputOptions = hasArgs ? [new SdkParameter(invokeArgs, "args", null)] : Array.Empty<SdkParameter>();
        methods.Add(new("Invoke", "Output<" + result + ">", [.. withOptions, options], IsStatic: true, callee, [token, argument, WithDefaults]));
        methods.Add(new("Invoke", "Output<" + result + ">", [.. withOutputOptions, new SdkParameter("InvokeOutputOptions", "options", null)], IsStatic: true, callee, [token, argument, WithDefaults]));
        return methods;
    }

    private HashSet<string> ExpectedArgsClasses()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { _naming.PackageNamespace + ".ProviderArgs" };
        foreach (var resource in schema.Resources)
        {
            var prefix = _naming.ModuleNamespace(resource.Token) + "." + CSharpNaming.MemberName(resource.Token);
            names.Add(prefix + "Args");
            names.Add(prefix + "State");
        }
        foreach (var type in schema.ObjectTypes)
        {
            var prefix = _naming.ModuleNamespace(type.Token) + ".Inputs." + CSharpNaming.MemberName(type.Token);
            names.Add(prefix + "Args");
            names.Add(prefix + "GetArgs");
        }
        return names;
    }

    private void ResourceClass(List<string> problems, ResourceSchema resource, SdkType resourceClass, string baseType, string constructorToken, bool isProvider)
    {
        var where = resourceClass.FullName;
        var attributeName = _naming.ResourceTypeAttributePrefix + "ResourceType";
        Expect(problems, $"{where}: [{attributeName}] token", SyntaxQueries.AttributeString(resourceClass.Syntax, attributeName) ?? "<absent>", resource.Token);
        if (!SyntaxQueries.BaseTypes(resourceClass.Syntax).Contains(baseType))
        {
            problems.Add($"{where} does not derive from {baseType}");
        }

        var baseArguments = SyntaxQueries.PublicConstructorBaseArguments(resourceClass.Syntax, out var argsParameterType);
        var allOptional = resource.Inputs.All(i => !i.Required);
        var argsClass = (isProvider ? "Provider" : resourceClass.Name) + "Args";
        Expect(problems, $"{where}: constructor args parameter", argsParameterType ?? "<no public constructor>", argsClass + (allOptional ? "?" : ""));
        Expect(problems, $"{where}: type token passed to the base constructor", baseArguments?.FirstOrDefault() ?? "<none>", "\"" + constructorToken + "\"");

        var ns = isProvider ? _naming.PackageNamespace : _naming.ModuleNamespace(resource.Token);
        var outputs = SyntaxQueries.Outputs(resourceClass.Syntax);
        foreach (var property in resource.Outputs)
        {
            var matches = outputs.Where(o => o.WireName == property.Name).ToList();
            if (matches.Count != 1)
            {
                problems.Add($"{where}: output '{property.Name}' is declared {matches.Count} times, expected once");
                continue;
            }
            Expect(problems, $"{where}: output '{property.Name}' C# name", matches[0].CSharpName, CSharpNaming.PropertyName(property.Name));
            Expect(problems, $"{where}: output '{property.Name}' type", matches[0].Type, _naming.ResourceOutputType(property, ns, isProvider));
        }
        foreach (var extra in outputs.Where(o => resource.Outputs.All(p => p.Name != o.WireName)))
        {
            problems.Add($"{where}: [Output(\"{extra.WireName}\")] {extra.CSharpName} is not an output in the schema");
        }

        OptionList(problems, resourceClass, "ReplaceOnChanges", resource.Outputs.Where(p => p.ReplaceOnChanges).Select(p => p.Name));
        OptionList(problems, resourceClass, "AdditionalSecretOutputs", resource.Outputs.Where(p => p.Secret).Select(p => p.Name));
    }

    private static void OptionList(List<string> problems, SdkType resourceClass, string option, IEnumerable<string> expected)
    {
        var want = expected.Order(StringComparer.Ordinal).ToList();
        var have = (SyntaxQueries.ResourceOptionList(resourceClass.Syntax, option) ?? []).Order(StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(have))
        {
            problems.Add($"{resourceClass.FullName}: {option} lists [{string.Join(", ", have)}] but the schema says [{string.Join(", ", want)}]");
        }
    }

    private void InputMembers(List<string> problems, SdkType argsClass, IReadOnlyList<PropertySchema> expected, string ns, InputShape shape, bool isProvider)
    {
        var where = argsClass.FullName;
        var inputs = SyntaxQueries.Inputs(argsClass.Syntax);
        foreach (var property in expected)
        {
            var matches = inputs.Where(i => i.WireName == property.Name).ToList();
            if (matches.Count != 1)
            {
                problems.Add($"{where}: input '{property.Name}' is declared {matches.Count} times, expected once");
                continue;
            }
            var input = matches[0];
            Expect(problems, $"{where}: input '{property.Name}' C# name", input.CSharpName, CSharpNaming.PropertyName(property.Name));
            Expect(problems, $"{where}: input '{property.Name}' type", input.Type, _naming.InputPropertyType(property, ns, shape));
            if (input.Required != property.Required)
            {
                problems.Add($"{where}: input '{property.Name}' is {(input.Required ? "" : "not ")}marked required: true, but the schema says it is {(property.Required ? "" : "not ")}required");
            }
            // Provider inputs travel as strings; everything that is not a string is JSON-encoded.
            var wantJson = isProvider && property.Type is not PrimitiveTypeRef { Name: "string" };
            if (input.Json != wantJson)
            {
                problems.Add($"{where}: input '{property.Name}' json: true is {(input.Json ? "present" : "absent")}, expected {(wantJson ? "present" : "absent")}");
            }
            // A function's plain args hold values, not outputs: codegen wraps secrets everywhere else.
            var wantSecretSetter = property.Secret && shape != InputShape.Plain;
            if (input.SecretSetter != wantSecretSetter)
            {
                var reason = shape == InputShape.Plain ? "a function's plain args never do" : $"the schema says it is {(property.Secret ? "" : "not ")}secret";
                problems.Add($"{where}: input '{property.Name}' setter {(input.SecretSetter ? "wraps" : "does not wrap")} the value with Output.CreateSecret, but {reason}");
            }
        }
        foreach (var extra in inputs.Where(i => expected.All(p => p.Name != i.WireName)))
        {
            problems.Add($"{where}: [Input(\"{extra.WireName}\")] {extra.CSharpName} is not in the schema");
        }
    }

    private void Defaults(List<string> problems, SdkType argsClass, IReadOnlyList<PropertySchema> expected)
    {
        var actual = SyntaxQueries.ConstructorDefaults(argsClass.Syntax);
        foreach (var property in expected)
        {
            var name = CSharpNaming.PropertyName(property.Name);
            var want = _naming.DefaultExpression(property);
            actual.TryGetValue(name, out var have);
            if (want != have)
            {
                problems.Add($"{argsClass.FullName}: default for '{property.Name}' is {have ?? "<none>"}, expected {want ?? "<none>"}");
            }
        }
        foreach (var extra in actual.Keys.Where(k => expected.All(p => CSharpNaming.PropertyName(p.Name) != k)))
        {
            problems.Add($"{argsClass.FullName}: the constructor sets {extra}, which has no schema property");
        }
    }

    /// <summary>Checks <paramref name="fullName"/> when codegen emits it, and reports it when codegen would not.</summary>
    private void ClassIfExpected(List<string> problems, string fullName, string? baseType, bool expected, string whyNot, Action<SdkType> check)
    {
        if (!expected)
        {
            if (sdk.Find(fullName) is not null)
            {
                problems.Add($"{fullName} exists but {whyNot}");
            }
            return;
        }
        if (ExpectClass(problems, fullName, baseType) is { } declared)
        {
            check(declared);
        }
    }

    private void InputObject(List<string> problems, ObjectTypeSchema type, string ns, string className, InputShape shape, bool used)
    {
        if (!used)
        {
            if (sdk.Find(className) is not null)
            {
                problems.Add($"{className} exists but nothing in the schema uses {type.Token} in that role");
            }
            return;
        }
        if (ExpectClass(problems, className, ResourceArgsBase) is { } declared)
        {
            InputMembers(problems, declared, type.Properties, ns, shape, isProvider: false);
            Defaults(problems, declared, type.Properties);
        }
    }

    private void OutputClass(List<string> problems, SdkType output, IReadOnlyList<PropertySchema> properties, string ns)
    {
        var where = output.FullName;
        if (!SyntaxQueries.HasAttribute(output.Syntax, "OutputType"))
        {
            problems.Add($"{where} lacks [OutputType]");
        }
        var fields = SyntaxQueries.ReadonlyFields(output.Syntax);
        var expectedFields = properties
            .Select(p => new SdkOutputField(CSharpNaming.PropertyName(p.Name), _naming.OutputFieldType(p, ns)))
            .ToList();
        foreach (var missing in expectedFields.Except(fields))
        {
            problems.Add($"{where}: field {missing.Type} {missing.CSharpName} is missing or has another type");
        }
        foreach (var extra in fields.Except(expectedFields))
        {
            problems.Add($"{where}: field {extra.Type} {extra.CSharpName} is not in the schema");
        }
        // The deserializer matches constructor parameters to wire names, in the schema's (sorted) order.
        var parameters = SyntaxQueries.OutputConstructorParameters(output.Syntax);
        var expectedParameters = properties
            .Select(p => new SdkConstructorParameter(p.Name, _naming.OutputFieldType(p, ns)))
            .ToList();
        if (parameters is null)
        {
            problems.Add($"{where} has no [OutputConstructor]");
        }
        else if (!parameters.SequenceEqual(expectedParameters))
        {
            problems.Add($"{where}: [OutputConstructor] parameters are ({Describe(parameters)}), expected ({Describe(expectedParameters)})");
        }
    }

    private static string Describe(IEnumerable<SdkConstructorParameter> parameters) =>
        string.Join(", ", parameters.Select(p => p.Type + " " + p.Name));

    private SdkType? ExpectClass(List<string> problems, string fullName, string? baseType)
    {
        var declared = sdk.Find(fullName);
        if (declared is null)
        {
            problems.Add($"class {fullName} is missing");
            return null;
        }
        if (baseType is not null && !SyntaxQueries.BaseTypes(declared.Syntax).Contains(baseType))
        {
            problems.Add($"{fullName} does not derive from {baseType}");
        }
        return declared;
    }

    private static void Expect(List<string> problems, string what, string actual, string expected)
    {
        if (actual != expected)
        {
            problems.Add($"{what} is {actual}, expected {expected}");
        }
    }
}
