using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>A provider function (Invoke), found by its token.</summary>
public interface IFunctionHandler
{
    string Token { get; }

    Task<FunctionResult> InvokeAsync(PropertyMap args, CancellationToken cancellationToken);
}

public sealed record FunctionResult(PropertyMap Return, IReadOnlyList<CheckFailure> Failures);
