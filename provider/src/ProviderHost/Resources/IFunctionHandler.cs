using Otc.ProviderHost.Models;
using Otc.ProviderHost.Values;

namespace Otc.ProviderHost.Resources;

/// <summary>A provider function (Invoke), found by its token.</summary>
public interface IFunctionHandler
{
    string Token { get; }
}

/// <summary>A function on typed models: its arguments have passed the schema's rules (types, undeclared names) first.</summary>
public interface IFunctionHandler<TArgs, TResult> : IFunctionHandler
    where TArgs : IPropertyModel<TArgs>, new()
    where TResult : IPropertyModel<TResult>, new()
{
    Task<FunctionResult<TResult>> InvokeAsync(TArgs args, CancellationToken cancellationToken);
}

/// <summary>The answer of a function: a result, or the failures of arguments it cannot use.</summary>
public sealed record FunctionResult<TResult>(TResult? Return, IReadOnlyList<CheckFailure> Failures)
{
    public static FunctionResult<TResult> Of(TResult result) => new(result, []);

    public static FunctionResult<TResult> Failed(params IReadOnlyList<CheckFailure> failures) => new(default, failures);
}

/// <summary>A registered function with its typed models erased, so the service can dispatch by token. Create one with <see cref="For{TArgs,TResult}"/>.</summary>
public abstract class FunctionBinding
{
    private protected FunctionBinding()
    {
    }

    public abstract string Token { get; }

    public static FunctionBinding For<TArgs, TResult>(IFunctionHandler<TArgs, TResult> handler)
        where TArgs : IPropertyModel<TArgs>, new()
        where TResult : IPropertyModel<TResult>, new() =>
        new Typed<TArgs, TResult>(handler);

    /// <summary>Invokes with arguments that passed the schema's rules.</summary>
    internal abstract Task<(PropertyMap Return, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(PropertyMap args, CancellationToken cancellationToken);

    private sealed class Typed<TArgs, TResult>(IFunctionHandler<TArgs, TResult> handler) : FunctionBinding
        where TArgs : IPropertyModel<TArgs>, new()
        where TResult : IPropertyModel<TResult>, new()
    {
        public override string Token => handler.Token;

        internal override async Task<(PropertyMap Return, IReadOnlyList<CheckFailure> Failures)> InvokeAsync(PropertyMap args, CancellationToken cancellationToken)
        {
            var result = await handler.InvokeAsync(PropertyModel.FromProperties<TArgs>(args), cancellationToken).ConfigureAwait(false);
            return (result.Return is { } value && result.Failures.Count == 0 ? value.ToProperties() : PropertyMap.Empty, result.Failures);
        }
    }
}
