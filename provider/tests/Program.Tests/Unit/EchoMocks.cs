using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Otc.Program.Tests.Unit;

/// <summary>
/// The mocks Pulumi documents for unit tests of C# programs: every resource "is created" with its inputs as outputs,
/// plus the computed outputs the real service would add. Each registration is recorded for the assertions.
/// </summary>
internal sealed class EchoMocks : IMocks
{
    private readonly ConcurrentQueue<MockResourceArgs> _registrations = new();

    public IReadOnlyList<MockResourceArgs> Registrations => [.. _registrations];

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _registrations.Enqueue(args);
        var id = $"{args.Name}-id";
        var outputs = args.Inputs.ToBuilder();
        if (args.Type == "otc:vpcep:VpcEndpointService")
        {
            outputs["status"] = "available";
            outputs["fullServiceName"] = $"eu-de.{args.Inputs["serviceName"]}.{id}";
        }

        return Task.FromResult<(string?, object)>((id, outputs.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) =>
        throw new NotSupportedException($"the program invoked {args?.Token}, which these mocks do not answer");
}
