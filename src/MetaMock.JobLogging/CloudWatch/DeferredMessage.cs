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
/// <c>ToString</c>, so the boxed state is all the sender needs. A value of any other type (an object whose
/// <c>ToString</c> may change, a collection that may be filled later) makes the call format at once, as before. The
/// saving is the formatting itself (~40 % of the call) and its string: the box is smaller than the message.
/// </remarks>
internal static class DeferredMessage
{
    private static readonly Assembly Abstractions = typeof(ILogger).Assembly;

    /// <summary>
    /// The boxed state to format later, or null when the message must be formatted now; <paramref name="chars"/> is
    /// then an estimate of the message's length for the buffer's byte limit (the template plus its string values).
    /// </summary>
    public static object? TryDefer<TState>(TState state, Func<TState, Exception?, string> formatter, out int chars)
    {
        chars = 0;
        if (!Traits<TState>.IsTemplateState || !ReferenceEquals(formatter, Traits<TState>.KnownFormatter(formatter)))
        {
            return null;
        }

        object boxed = state!;
        var values = (IReadOnlyList<KeyValuePair<string, object?>>)boxed;
        var last = values.Count - 1;
        if (Traits<TState>.ValueIsString is { } typed)
        {
            // Only the string values are read: the indexer of a typed state boxes a value-type value on each read.
            for (var i = 0; i < typed.Length; i++)
            {
                chars += typed[i] ? (values[i].Value as string)?.Length ?? 0 : ImmutableValues.EstimatedChars;
            }
        }
        else if (!TryCountUntyped(values, last, ref chars))
        {
            return null;
        }

        chars += (last >= 0 ? values[last].Value as string : null)?.Length ?? 0;
        return boxed;
    }

    private static bool TryCountUntyped(IReadOnlyList<KeyValuePair<string, object?>> values, int last, ref int chars)
    {
        try
        {
            for (var i = 0; i < last; i++)
            {
                var value = values[i].Value;
                if (value is string text)
                {
                    chars += text.Length;
                }
                else if (ImmutableValues.Holds(value))
                {
                    chars += ImmutableValues.EstimatedChars;
                }
                else
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
        // no value needs a check per call, and this says which ones are strings. Null for any other state.
        public static readonly bool[]? ValueIsString = IsTemplateState
            && typeof(TState).IsGenericType
            && Array.TrueForAll(typeof(TState).GetGenericArguments(), ImmutableValues.IsImmutableType)
                ? Array.ConvertAll(typeof(TState).GetGenericArguments(), type => type == typeof(string))
                : null;

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
