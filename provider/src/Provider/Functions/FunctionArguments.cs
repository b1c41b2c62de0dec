using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Functions;

/// <summary>
/// What the lookup functions share: each argument turned into the value its query parameter takes, with one failure
/// per argument the cloud could not use (naming the argument and the rule, never a secret value), and the message when
/// the thing looked up does not exist. An empty string is no filter, as in <c>getPublicServices</c>.
/// </summary>
internal sealed class FunctionArguments
{
    private readonly List<CheckFailure> _failures = [];

    /// <summary>The failures so far; the function calls the cloud only while there are none.</summary>
    public IReadOnlyList<CheckFailure> Failures => _failures;

    /// <summary>Free text, such as a name the API matches fuzzily; null when absent or empty.</summary>
    public static string? Text(Input<string> value) => value.ValueOrDefault is { Length: > 0 } text ? text : null;

    /// <summary>
    /// An ID as the cloud issues them (UUIDs): letters, digits and <c>-</c>, which also keeps the query parameter
    /// exact. Null when absent or empty.
    /// </summary>
    public string? Id(Input<string> value, string key)
    {
        var text = Text(value);
        if (text is not null && !text.All(character => char.IsAsciiLetterOrDigit(character) || character == '-'))
        {
            _failures.Add(new CheckFailure(key, $"'{key}' must be an ID of letters, digits and '-' (as the cloud's UUIDs are), got {InputRules.Shown(value)}"));
            return null;
        }

        return text;
    }

    /// <summary>A required ID: as <see cref="Id"/>, and present.</summary>
    public string RequiredId(Input<string> value, string key, string what)
    {
        if (Text(value) is null)
        {
            _failures.Add(new CheckFailure(key, $"'{key}' is required: the ID of {what}"));
            return "";
        }

        return Id(value, key) ?? "";
    }

    /// <summary>One of the documented values, in any case; the cloud's spelling, or null when absent or empty.</summary>
    public string? OneOf(Input<string> value, string key, Vocabulary allowed)
    {
        if (Text(value) is null)
        {
            return null;
        }

        InputRules.OneOf(value, key, allowed, _failures, "the values the API reference documents for this filter (case-insensitive)");
        return allowed.Canonical(value.Value);
    }

    /// <summary>A number given as its decimal digits (so that 18 of them stay exact); null when absent or empty.</summary>
    public string? Digits(Input<string> value, string key)
    {
        var text = Text(value);
        if (text is not null && !text.All(char.IsAsciiDigit))
        {
            _failures.Add(new CheckFailure(key, $"'{key}' must be the decimal digits of the number, got {InputRules.Shown(value)}"));
            return null;
        }

        return text;
    }

    /// <summary>The failed result while any argument failed, else the result of <paramref name="invoke"/>.</summary>
    public async Task<FunctionResult<TResult>> ThenAsync<TResult>(Func<Task<TResult>> invoke) =>
        _failures.Count > 0 ? FunctionResult<TResult>.Failed(_failures) : FunctionResult<TResult>.Of(await invoke().ConfigureAwait(false));

    /// <summary>
    /// The error for a lookup the cloud answered 404: <paramref name="what"/> names the thing looked up, OTC's code and
    /// message follow.
    /// </summary>
    public static ProviderException NotFound(OtcApiException exception, string what) =>
        new(ProviderErrorKind.NotFound, $"no {what} is visible to this account. " + OtcExceptionTranslator.Describe(exception), exception);
}
