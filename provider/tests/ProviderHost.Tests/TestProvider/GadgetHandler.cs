using Otc.ProviderHost.Resources;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>
/// A test-only replace-only resource (no update, read or delete) with its own Check and preview,
/// to prove the host honours which optional capabilities a handler implements.
/// </summary>
internal sealed class GadgetHandler : IResourceHandler<WidgetInputs, WidgetState>, ICustomCheck, ICustomPreview
{
    public const string TypeToken = "test:index:Gadget";

    public string Token => TypeToken;

    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var inputs = request.NewInputs.ContainsKey("size") ? request.NewInputs : request.NewInputs.With("size", 1);
        IReadOnlyList<CheckFailure> failures = request.NewInputs.ContainsKey("name") ? [] : [new CheckFailure("name", "name is required")];
        return Task.FromResult(new CheckResult(inputs, failures));
    }

    public PropertyMap PreviewCreate(PropertyMap inputs) => inputs.With("serial", PropertyValue.Unknown);

    public PropertyMap PreviewUpdate(PropertyMap oldState, PropertyMap newInputs) => newInputs;

    public Task<CreateResult<WidgetState>> CreateAsync(CreateRequest<WidgetInputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(new CreateResult<WidgetState>("g-" + request.Inputs.Name, new WidgetState(request.Inputs, "g")));
}
