using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.ProviderHost.Tests.TestProvider;

/// <summary>
/// A test-only replace-only resource (no update, read or delete) with its own Check and preview,
/// to prove the host honours which optional capabilities a handler implements.
/// </summary>
internal sealed class GadgetHandler :
    IResourceHandler<WidgetInputs, WidgetState>,
    ICustomCheck<WidgetInputs>,
    ICustomPreview<WidgetInputs, WidgetState>
{
    public const string TypeToken = "test:index:Gadget";

    public string Token => TypeToken;

    public Task<CheckResult<WidgetInputs>> CheckAsync(CheckRequest<WidgetInputs> request, CancellationToken cancellationToken)
    {
        var inputs = request.NewInputs with { Size = request.NewInputs.Size.OrWhenAbsent(1) };
        IReadOnlyList<CheckFailure> failures = request.NewInputs.Name.IsAbsent ? [new CheckFailure("name", "name is required")] : [];
        return Task.FromResult(new CheckResult<WidgetInputs>(inputs, failures));
    }

    public WidgetState PreviewCreate(WidgetInputs inputs) => new() { Inputs = inputs, Serial = Input<string>.Unknown() };

    public WidgetState PreviewUpdate(WidgetState oldState, WidgetInputs newInputs) => new() { Inputs = newInputs };

    public Task<CreateResult<WidgetState>> CreateAsync(CreateRequest<WidgetInputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(new CreateResult<WidgetState>("g-" + request.Inputs.Name.Value, new WidgetState { Inputs = request.Inputs, Serial = "g" }));
}
