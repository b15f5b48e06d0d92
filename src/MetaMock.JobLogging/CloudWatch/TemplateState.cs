using System.Collections;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// A template state of Microsoft.Extensions.Logging (a struct) held for the length of one log call, so the encoder can
/// read it as the list of its values without boxing it: each thread reuses one holder per state type, and the call
/// allocates nothing of its own for the state. <see cref="Release"/> ends the call's use and drops its values.
/// </summary>
/// <typeparam name="TState">The state's type: a value type of the logging abstractions that lists its values.</typeparam>
internal abstract class TemplateState<TState> : IReadOnlyList<KeyValuePair<string, object?>>
{
    [ThreadStatic]
    private static TemplateState<TState>? _thread;

    private bool _inUse;

#pragma warning disable CA1051, SA1401 // A field, so the typed value reader reads the state in place (see Records.TypedValues).
    /// <summary>The state of the call in progress; default once released.</summary>
    public TState Value = default!;
#pragma warning restore CA1051, SA1401

    public abstract int Count { get; }

    public abstract KeyValuePair<string, object?> this[int index] { get; }

    /// <summary>
    /// The thread's holder, now holding <paramref name="state"/>; a new one when the thread's is in use (a log call made
    /// from inside another, by an exception's <c>ToString</c> for instance). Only for a type <see cref="DeferredMessage"/> defers.
    /// </summary>
    public static TemplateState<TState> Take(TState state)
    {
        var held = _thread ??= Create();
        if (held._inUse)
        {
            held = Create();
        }

        held._inUse = true;
        held.Value = state;
        return held;
    }

    /// <summary>A holder of its own (not the thread's), for a state kept beyond one call.</summary>
    public static TemplateState<TState> Create() =>
        (TemplateState<TState>)Activator.CreateInstance(typeof(ListedState<>).MakeGenericType(typeof(TState)))!;

    /// <summary>The call is over: the holder forgets the state (and the caller's values with it) and is free again.</summary>
    public void Release()
    {
        Value = default!;
        _inUse = false;
    }

    public abstract IEnumerator<KeyValuePair<string, object?>> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The holder for one state type: its members call the state's own, on the held struct, without boxing it.</summary>
/// <typeparam name="TState">The state's type.</typeparam>
internal sealed class ListedState<TState> : TemplateState<TState>
    where TState : struct, IReadOnlyList<KeyValuePair<string, object?>>
{
    public override int Count => Value.Count;

    public override KeyValuePair<string, object?> this[int index] => Value[index];

    public override IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Value.GetEnumerator();

    /// <summary>The state's message, formatted by its own <c>ToString</c> (what its formatter prints).</summary>
    public override string ToString() => Value.ToString() ?? string.Empty;
}
