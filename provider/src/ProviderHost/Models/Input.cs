namespace Otc.ProviderHost.Models;

/// <summary>Whether a property of a model was left out, is not known yet (preview), or has a value.</summary>
public enum InputState : byte
{
    Absent,
    Unknown,
    Known,
}

/// <summary>
/// One property value of a typed model: absent, unknown (the engine computes it later, during preview only) or known,
/// and secret or not. The default is absent, so a model's properties start out left out.
/// </summary>
public readonly struct Input<T> : IEquatable<Input<T>>
{
    private readonly T? _value;

    private Input(InputState state, T? value, bool isSecret)
    {
        State = state;
        _value = value;
        IsSecret = isSecret;
    }

    public static Input<T> Absent => default;

    public InputState State { get; }

    public bool IsSecret { get; }

    public bool IsAbsent => State == InputState.Absent;

    public bool IsUnknown => State == InputState.Unknown;

    public bool IsKnown => State == InputState.Known;

    /// <summary>The value; only for a known input (the host guarantees that for required inputs outside preview).</summary>
    /// <exception cref="InvalidOperationException">The input is absent or unknown.</exception>
    public T Value => IsKnown ? _value! : throw new InvalidOperationException($"the input is {State.ToString().ToLowerInvariant()}, not known");

    /// <summary>The value when known, otherwise the type's default (null for reference types).</summary>
    public T? ValueOrDefault => IsKnown ? _value : default;

    public static Input<T> Unknown(bool isSecret = false) => new(InputState.Unknown, default, isSecret);

    /// <summary>A known value; null stands for "left out".</summary>
    public static Input<T> Known(T? value, bool isSecret = false) =>
        value is null ? default : new(InputState.Known, value, isSecret);

    public static implicit operator Input<T>(T? value) => Known(value);

    public bool TryGetValue(out T value)
    {
        value = _value!;
        return IsKnown;
    }

    /// <summary>The value when known, else <paramref name="fallback"/>.</summary>
    public T ValueOr(T fallback) => IsKnown ? _value! : fallback;

    /// <summary>This input, or <paramref name="fallback"/> where it was left out; an unknown stays unknown.</summary>
    public Input<T> OrWhenAbsent(T fallback) => IsAbsent ? Known(fallback) : this;

    /// <summary>The same input with <paramref name="map"/> applied to a known value; absence, unknownness and secretness carry over.</summary>
    public Input<TResult> Select<TResult>(Func<T, TResult?> map) => State switch
    {
        InputState.Known => Input<TResult>.Known(map(_value!), IsSecret),
        InputState.Unknown => Input<TResult>.Unknown(IsSecret),
        _ => Input<TResult>.Absent,
    };

    public Input<T> WithSecret(bool isSecret) => new(State, _value, isSecret && !IsAbsent);

    public bool Equals(Input<T> other) =>
        State == other.State && IsSecret == other.IsSecret && EqualityComparer<T>.Default.Equals(_value, other._value);

    public override bool Equals(object? obj) => obj is Input<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(State, IsSecret, _value);

    public override string ToString() => State switch
    {
        InputState.Known => IsSecret ? "[secret]" : _value?.ToString() ?? "",
        InputState.Unknown => "[unknown]",
        _ => "[absent]",
    };

    public static bool operator ==(Input<T> left, Input<T> right) => left.Equals(right);

    public static bool operator !=(Input<T> left, Input<T> right) => !left.Equals(right);
}
