using Grpc.Core;
using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Schema;

namespace Otc.ProviderHost.Server;

/// <summary>Finds the handler for a type or function token, answering unknown tokens with a clear InvalidArgument.</summary>
internal sealed class ResourceDispatcher
{
    private readonly Dictionary<string, HostedResource> _resources;
    private readonly Dictionary<string, FunctionBinding> _functions;

    public ResourceDispatcher(IReadOnlyList<ResourceBinding> resources, IReadOnlyList<FunctionBinding> functions, PackageSchema schema)
    {
        _resources = new Dictionary<string, HostedResource>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (!_resources.TryAdd(resource.Token, new HostedResource(resource, schema)))
            {
                throw new ArgumentException($"resource type '{resource.Token}' is registered twice", nameof(resources));
            }
        }

        _functions = functions.ToDictionary(function => function.Token, StringComparer.Ordinal);
    }

    public HostedResource Resource(string token) =>
        _resources.TryGetValue(token, out var binding)
            ? binding
            : throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"unknown resource type '{token}'; this provider serves: {Listing(_resources.Keys)}"));

    public FunctionBinding Function(string token) =>
        _functions.TryGetValue(token, out var function)
            ? function
            : throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"unknown function '{token}'; this provider serves: {Listing(_functions.Keys)}"));

    private static string Listing(IEnumerable<string> tokens)
    {
        var sorted = tokens.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(none)" : string.Join(", ", sorted);
    }
}
