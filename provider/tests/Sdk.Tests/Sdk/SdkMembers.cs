namespace Otc.Sdk.Tests.Sdk;

/// <summary>An <c>[Input("wire", ...)]</c> member: on the property itself, or on its backing field.</summary>
public sealed record SdkInput(string WireName, string CSharpName, string Type, bool Required, bool Json, bool SecretSetter);

/// <summary>An <c>[Output("wire")]</c> property of a resource.</summary>
public sealed record SdkOutput(string WireName, string CSharpName, string Type);

/// <summary>A <c>public readonly</c> field of an <c>[OutputType]</c> class.</summary>
public sealed record SdkOutputField(string CSharpName, string Type);

/// <summary>A parameter of an <c>[OutputConstructor]</c>: its name is the wire name the deserializer matches.</summary>
public sealed record SdkConstructorParameter(string Name, string Type);

/// <summary>A value of an <c>[EnumType]</c> struct: <c>public static T Name { get; } = new T("value")</c>.</summary>
public sealed record SdkEnumValue(string CSharpName, string Value, bool Obsolete);

/// <summary>A static property of the <c>Config</c> class and how its value is read.</summary>
public sealed record SdkConfigEntry(string CSharpName, string Type, string ConfigGetter, string WireName, IReadOnlyList<string> Environment);

/// <summary>A method parameter; <see cref="Type"/> and <see cref="Default"/> (null when there is none) without whitespace.</summary>
public sealed record SdkParameter(string Type, string Name, string? Default)
{
    public override string ToString() => Type + " " + Name + (Default is null ? "" : " = " + Default);
}

/// <summary>
/// A public method, such as a function class's <c>InvokeAsync</c> or <c>Invoke</c>, with the
/// <c>Deployment.Instance</c> call its body makes: <see cref="Callee"/> is that call's target (null when there is
/// none) and <see cref="Arguments"/> its arguments, all without whitespace.
/// </summary>
public sealed record SdkMethod(string Name, string ReturnType, IReadOnlyList<SdkParameter> Parameters, bool IsStatic, string? Callee, IReadOnlyList<string> Arguments)
{
    public string Signature => ReturnType + " " + Name + "(" + string.Join(", ", Parameters) + ")";
}
