namespace Otc.Provider.Resources.Common;

/// <summary>The values an enum input may take, spelled the way the cloud reports them; users may write them in any case.</summary>
internal sealed class Vocabulary(params string[] values)
{
    public IReadOnlyList<string> Values => values;

    /// <summary>The cloud's spelling of <paramref name="value"/> when it names one of the values in any case; otherwise null.</summary>
    public string? Canonical(string? value) =>
        value is null ? null : values.FirstOrDefault(candidate => string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The canonical spelling when known, else the value unchanged (so an odd cloud answer still shows up as a difference).</summary>
    public string CanonicalOrSelf(string value) => Canonical(value) ?? value;

    public override string ToString() => string.Join(", ", values);
}
