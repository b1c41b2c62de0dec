using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Otc.Program.Tests.Unit;

/// <summary>
/// The mocks Pulumi documents for unit tests of C# programs: every resource "is created" with its inputs as outputs,
/// plus the computed outputs the real service would add, and the service lookup answers from the name it gets. Each
/// registration and call is recorded for the assertions.
/// </summary>
internal sealed class EchoMocks : IMocks
{
    private readonly ConcurrentQueue<MockResourceArgs> _registrations = new();
    private readonly ConcurrentQueue<MockCallArgs> _calls = new();

    public IReadOnlyList<MockResourceArgs> Registrations => [.. _registrations];

    /// <summary>The function calls, in order.</summary>
    public IReadOnlyList<MockCallArgs> Calls => [.. _calls];

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _registrations.Enqueue(args);
        var id = $"{args.Name}-id";
        var outputs = args.Inputs.ToBuilder();
        switch (args.Type)
        {
            case "otc:vpcep:VpcEndpointService":
                outputs["status"] = "available";
                outputs["fullServiceName"] = $"eu-de.{args.Inputs["serviceName"]}.{id}";
                break;
            case "otc:vpcep:VpcEndpoint":
                // With approval on, a new endpoint waits for the owner.
                outputs["status"] = "pendingAcceptance";
                break;
            case "otc:vpcep:VpcEndpointApproval":
                id = (string)args.Inputs["serviceId"];
                outputs["connections"] = ((IEnumerable<object>)args.Inputs["endpointIds"])
                    .Select(endpointId => (object)ImmutableDictionary<string, object>.Empty.Add("endpointId", endpointId).Add("status", "accepted"))
                    .ToImmutableArray();
                break;
        }

        return Task.FromResult<(string?, object)>((id, outputs.ToImmutable()));
    }

    /// <summary>Answers the service lookup: the id is the last part of a full name (<c>{region}.{name}.{id}</c>).</summary>
    public Task<object> CallAsync(MockCallArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _calls.Enqueue(args);
        if (args.Token != "otc:vpcep:getVpcEndpointService")
        {
            throw new NotSupportedException($"the program invoked {args.Token}, which these mocks do not answer");
        }

        var name = (string)args.Args["name"];
        return Task.FromResult<object>(ImmutableDictionary<string, object>.Empty
            .Add("id", name[(name.LastIndexOf('.') + 1)..])
            .Add("fullServiceName", name)
            .Add("serviceType", "interface")
            .Add("isCharge", false));
    }
}
