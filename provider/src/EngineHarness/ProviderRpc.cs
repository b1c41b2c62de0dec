using Grpc.Core;
using Otc.ProviderHost.Protocol;
using Otc.ProviderHost.Values;

namespace Otc.EngineHarness;

/// <summary>
/// The resource RPCs as the engine sends them (Check with a seed, Diff with old inputs and ignoreChanges, Delete with old
/// inputs and timeout), shared by the jobs that plan steps, refresh and configure. A failed call becomes a
/// <see cref="ResourceOperationException"/> naming the RPC and the URN.
/// </summary>
internal sealed class ProviderRpc(ResourceProvider.ResourceProviderClient client)
{
    public ResourceProvider.ResourceProviderClient Client => client;

    /// <summary>Check; throws its failures as a <see cref="CheckFailedException"/>, else returns the checked inputs.</summary>
    public async Task<PropertyMap> CheckOrThrowAsync(string type, string urn, string name, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken)
    {
        var response = await CheckAsync(type, urn, name, olds, news, cancellationToken).ConfigureAwait(false);
        if (response.Failures.Count > 0)
        {
            throw new CheckFailedException(urn, [.. response.Failures]);
        }

        return PropertyCodec.Decode(response.Inputs);
    }

    public Task<CheckResponse> CheckAsync(string type, string urn, string name, PropertyMap olds, PropertyMap news, CancellationToken cancellationToken) =>
        CallAsync("Check", urn, () => client.CheckAsync(new CheckRequest
        {
            Urn = urn,
            Name = name,
            Type = type,
            Olds = PropertyCodec.Encode(olds),
            News = PropertyCodec.Encode(news),
            RandomSeed = Google.Protobuf.ByteString.CopyFrom(SeedOf(urn)),
        }, cancellationToken: cancellationToken).ResponseAsync);

    /// <summary>Diff of <paramref name="news"/> against the resource as stored (its outputs and inputs).</summary>
    public Task<DiffResponse> DiffAsync(StackResource old, PropertyMap news, ResourceOptions options, CancellationToken cancellationToken)
    {
        var request = new DiffRequest
        {
            Id = old.Id,
            Urn = old.Urn,
            Name = old.Name,
            Type = old.Type,
            Olds = PropertyCodec.Encode(old.Outputs),
            OldInputs = PropertyCodec.Encode(old.Inputs),
            News = PropertyCodec.Encode(news),
        };
        request.IgnoreChanges.AddRange(options.IgnoreChanges);
        return CallAsync("Diff", old.Urn, () => client.DiffAsync(request, cancellationToken: cancellationToken).ResponseAsync);
    }

    public Task<Google.Protobuf.WellKnownTypes.Empty> DeleteAsync(StackResource resource, ResourceOptions options, CancellationToken cancellationToken) =>
        CallAsync("Delete", resource.Urn, () => client.DeleteAsync(new DeleteRequest
        {
            Id = resource.Id,
            Urn = resource.Urn,
            Name = resource.Name,
            Type = resource.Type,
            Properties = PropertyCodec.Encode(resource.Outputs),
            OldInputs = PropertyCodec.Encode(resource.Inputs),
            Timeout = CustomTimeouts.Seconds(options.Timeouts.Delete),
        }, cancellationToken: cancellationToken).ResponseAsync);

    /// <summary>
    /// Read as refresh and import send it (<paramref name="stored"/> null: the id alone). A partial failure is answered
    /// like a success whose reasons the engine keeps as warnings or init errors.
    /// </summary>
    public async Task<(ReadResponse Response, IReadOnlyList<string> Reasons)> ReadAsync(
        string type, string urn, string name, string id, StackResource? stored, ResourceOptions options, CancellationToken cancellationToken)
    {
        var request = new ReadRequest { Id = id, Urn = urn, Name = name, Type = type, Timeout = CustomTimeouts.Seconds(options.Timeouts.Read) };
        if (stored is not null)
        {
            request.Properties = PropertyCodec.Encode(stored.Outputs);
            request.Inputs = PropertyCodec.Encode(stored.Inputs);
        }

        try
        {
            return (await client.ReadAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false), []);
        }
        catch (RpcException exception) when (PartialFailure.Decode(exception) is { } detail)
        {
            return (new ReadResponse { Id = detail.Id, Properties = detail.Properties, Inputs = detail.Inputs }, [.. detail.Reasons]);
        }
        catch (RpcException exception)
        {
            throw new ResourceOperationException("Read", urn, exception);
        }
    }

    public static async Task<T> CallAsync<T>(string rpc, string urn, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            throw new ResourceOperationException(rpc, urn, exception);
        }
    }

    /// <summary>32 bytes derived from the URN: the engine's seed is random per deployment, a fixed one keeps runs comparable.</summary>
    private static byte[] SeedOf(string urn) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(urn));
}
