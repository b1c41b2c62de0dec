using Otc.ProviderHost.Values;

namespace Otc.Program.Tests.EndToEnd;

/// <summary>A resource the program registered, with the inputs exactly as Pulumi's .NET SDK sent them.</summary>
/// <param name="ProviderReference">The explicit provider (<c>urn::id</c>); null or empty for the package's default provider.</param>
internal sealed record ForwardedRegistration(string Type, string Name, PropertyMap Inputs, string? ProviderReference);
