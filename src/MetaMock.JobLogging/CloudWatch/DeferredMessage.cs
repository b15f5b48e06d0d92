using System.Reflection;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// Lets the sender format a message instead of the log call, when formatting later is sure to give the same text:
/// the state is one of Microsoft.Extensions.Logging's own template states (<c>LogInformation(template, args)</c> and
/// <c>LoggerMessage.Define</c> / <c>[LoggerMessage]</c>), formatted by its own formatter, and every value is immutable.
/// </summary>
/// <remarks>
/// Those states format with the invariant culture (not the thread's), and their formatter only calls the state's
/// <c>ToString</c>, so the state is all the record needs: its values are encoded at the call, and the message is
/// formatted from them by the sender. A value of any other type (an object whose
/// <c>ToString</c> may change, a collection that may be filled later) makes the call format at once, as before. The
/// saving is the formatting itself (~40 % of the call) and its string; the state is read through a holder the thread
/// reuses (<see cref="TemplateState{TState}"/>), so it is not boxed either.
/// </remarks>
internal static class DeferredMessage
{
    private static readonly Assembly Abstractions = typeof(ILogger).Assembly;

    /// <summary>
    /// The state, held for the call, to format later; null when the message must be formatted now. The caller releases
    /// it (<see cref="TemplateState{TState}.Release"/>) once the call has encoded it.
    /// </summary>
    public static TemplateState<TState>? TryDefer<TState>(TState state, Func<TState, Exception?, string> formatter)
    {
        if (!Traits<TState>.IsTemplateState || !ReferenceEquals(formatter, Traits<TState>.KnownFormatter(formatter)))
        {
            return null;
        }

        var held = TemplateState<TState>.Take(state);
        if (Traits<TState>.AllValuesImmutable || AllImmutable(held))
        {
            return held;
        }

        held.Release();
        return null;
    }

    // The values of a state that does not carry their types (all but the last, the template), each checked as it is now.
    private static bool AllImmutable<TState>(TemplateState<TState> values)
    {
        if (Records.TypedValues<TState>.HasValueArray)
        {
            // MEL's params array, read in place; values beyond the template's holes are not printed, so not checked. A
            // template with more holes than values is formatted at the call (MEL's FormatException, as always).
            if (!Records.TypedValues<TState>.TryPrinted(values, out var printed))
            {
                return false;
            }

            foreach (var value in printed)
            {
                if (!ImmutableValues.Holds(value))
                {
                    return false;
                }
            }

            return true;
        }

        try
        {
            var last = values.Count - 1;
            for (var i = 0; i < last; i++)
            {
                if (!ImmutableValues.Holds(values[i].Value))
                {
                    return false;
                }
            }

            return true;
        }
        catch (IndexOutOfRangeException)
        {
            // A template with more holes than values: MEL's state fails on reading the missing one. Formatting at the call
            // then fails the way it always did, with MEL's FormatException, instead of this.
            return false;
        }
    }

    /// <summary>
    /// The message of a state <see cref="TryDefer"/> returned; a template that fails to format gives a line that says so,
    /// and anything else that throws a placeholder, so the sender never loses the event to its message.
    /// </summary>
    public static string Render(object state)
    {
        try
        {
            return state.ToString() ?? string.Empty;
        }
        catch (FormatException error)
        {
            // The log call would have thrown this to its caller; here the event is kept, with its template, and the cause.
            var values = (IReadOnlyList<KeyValuePair<string, object?>>)state;
            var template = values.Count > 0 ? values[^1].Value as string : null;
            return Records.TemplateText.FormatFailed(template ?? string.Empty, error);
        }
#pragma warning disable CA1031 // Only immutable values are deferred, so this is not expected; if it happens, one line says so.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return UserText.Placeholder("message formatter", error);
        }
    }

    private static class Traits<TState>
    {
        public static readonly bool IsTemplateState = typeof(TState).IsValueType
            && typeof(TState).Assembly == Abstractions
            && typeof(IReadOnlyList<KeyValuePair<string, object?>>).IsAssignableFrom(typeof(TState))
            && (typeof(TState).Name == "FormattedLogValues" || typeof(TState).Name.StartsWith("LogValues", StringComparison.Ordinal));

        // LoggerMessage.Define's states carry their values' types (value i is type argument i): when all are immutable,
        // no value needs a check per call.
        public static readonly bool AllValuesImmutable = IsTemplateState
            && typeof(TState).IsGenericType
            && Array.TrueForAll(typeof(TState).GetGenericArguments(), ImmutableValues.IsImmutableType);

        private static Func<TState, Exception?, string>? _known;

        // Each of these states is formatted by one delegate of the abstractions assembly; it is checked once, then
        // recognised by reference, so a caller's own formatter over the same state is always honoured.
        public static Func<TState, Exception?, string>? KnownFormatter(Func<TState, Exception?, string> seen)
        {
            if (_known is null && seen.Method.DeclaringType?.Assembly == Abstractions && IsStatelessFormatter(seen))
            {
                _known = seen;
            }

            return _known;
        }

        private static bool IsStatelessFormatter(Delegate seen) =>
            seen.Target is null || seen.Target.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length == 0;
    }
}
