using System.Collections.Concurrent;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>
/// A test-only resource whose behaviour is chosen by its <c>name</c> input, so tests can drive every path
/// of the host through real gRPC: ordinary CRUD, partial failure, clean errors, bugs and blocking calls.
/// </summary>
internal sealed class WidgetHandler :
    IResourceHandler<WidgetInputs, WidgetState>,
    IReadable<WidgetInputs, WidgetState>,
    IUpdatable<WidgetInputs, WidgetState>,
    IDeletable<WidgetState>
{
    public const string TypeToken = "test:index:Widget";

    private readonly ConcurrentDictionary<string, WidgetState> _live = new();
    private int _blockedCalls;

    public string Token => TypeToken;

    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<TimeSpan?> Timeouts { get; } = new();

    /// <summary>Completed when a "block" call has started, so a test can cancel it mid-flight.</summary>
    public TaskCompletionSource BlockingCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many "block" calls have reached the handler so far.</summary>
    public int BlockedCalls => Volatile.Read(ref _blockedCalls);

    public bool IsLive(string id) => _live.ContainsKey(id);

    public async Task<CreateResult<WidgetState>> CreateAsync(CreateRequest<WidgetInputs> request, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"create {request.Name} {request.Type}");
        Timeouts.Enqueue(request.Timeout);
        var name = request.Inputs.Name.Value;
        await request.Log.InfoAsync($"creating {name}");
        await request.Log.StatusAsync("waiting for the widget");
        await BehaveAsync(name, cancellationToken);

        var id = "w-" + name;
        var state = new WidgetState { Inputs = request.Inputs, Serial = "serial-" + name };
        if (name.StartsWith("init-fail", StringComparison.Ordinal))
        {
            _live[id] = state;
            throw new ResourceInitFailedException(id, state.ToProperties(), ["widget never became healthy"]);
        }

        _live[id] = state;
        return new CreateResult<WidgetState>(id, state);
    }

    public Task<ReadResult<WidgetInputs, WidgetState>> ReadAsync(ReadRequest<WidgetInputs, WidgetState> request, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"read {request.Id} state={(request.OldState is null ? "none" : "some")}");
        return Task.FromResult(_live.TryGetValue(request.Id, out var state)
            ? ReadResult<WidgetInputs, WidgetState>.Found(request.Id, state, state.Inputs)
            : ReadResult<WidgetInputs, WidgetState>.NotFound);
    }

    public async Task<UpdateResult<WidgetState>> UpdateAsync(UpdateRequest<WidgetInputs, WidgetState> request, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"update {request.Id} ignore={string.Join(",", request.IgnoreChanges)}");
        Timeouts.Enqueue(request.Timeout);
        await BehaveAsync(request.NewInputs.Name.Value, cancellationToken);
        var state = request.OldState with { Inputs = request.NewInputs };
        _live[request.Id] = state;
        return new UpdateResult<WidgetState>(state);
    }

    public Task DeleteAsync(DeleteRequest<WidgetState> request, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"delete {request.Id}");
        _live.TryRemove(request.Id, out _);
        return Task.CompletedTask;
    }

    private async Task BehaveAsync(string name, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "block":
                Interlocked.Increment(ref _blockedCalls);
                BlockingCallStarted.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case "bug":
                throw new InvalidOperationException("a genuine bug");
            case "cloud-error":
                throw new CloudFailure("the cloud said no");
        }

        foreach (var kind in Enum.GetValues<ProviderErrorKind>())
        {
            if (name == "error-" + kind)
            {
                throw new ProviderException(kind, $"failed with {kind}");
            }
        }
    }
}

/// <summary>An exception from a lower layer that only the test translator understands.</summary>
internal sealed class CloudFailure(string message) : Exception(message);

internal sealed class CloudFailureTranslator : IExceptionTranslator
{
    public ProviderException? Translate(Exception exception) =>
        exception is CloudFailure failure ? new ProviderException(ProviderErrorKind.PermissionDenied, failure.Message) : null;
}
