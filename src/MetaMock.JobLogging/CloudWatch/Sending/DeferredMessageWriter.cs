using System.Globalization;
using System.Text;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Gives the sender an event's message as characters: a deferred template state (see <see cref="DeferredMessage"/>) is
/// formatted into a reused buffer rather than a new string, with the same text its <c>ToString</c> gives.
/// </summary>
/// <remarks>
/// The string of each message was the largest allocation the sender made per event, garbage as soon as its UTF-8 copy
/// was written. Composite formats are cached per template (templates are few and usually literals), bounded so that
/// templates built at run time cannot grow the cache without limit. Anything unusual (a value that fails to format, a
/// message longer than <see cref="MaxChars"/>) takes the state's own <c>ToString</c> as before. Loop thread only.
/// </remarks>
internal sealed class DeferredMessageWriter
{
    /// <summary>
    /// Longer messages are rare: they are formatted by the state itself instead of growing the buffer further, which the
    /// loop keeps for the process's life (32 KB at most, below the large-object heap).
    /// </summary>
    public const int MaxChars = 16 * 1024;

    private const int MaxCachedTemplates = 1_000;

    // What Microsoft.Extensions.Logging writes for a null value.
    private const string NullValue = "(null)";

    private readonly Dictionary<string, CompositeFormat> _formats = new(StringComparer.Ordinal);
    private char[] _chars = new char[256];
    private object?[] _values = new object?[8];

    /// <summary>The message's text; valid until the next call.</summary>
    public ReadOnlySpan<char> Write(object message)
    {
        if (message is string text)
        {
            return text;
        }

        var state = (IReadOnlyList<KeyValuePair<string, object?>>)message;
        var count = state.Count - 1;
        if (count < 0 || state[count].Value is not string template)
        {
            return DeferredMessage.Render(message);
        }

        // With no values, Microsoft.Extensions.Logging's states give their template back as it is (braces and all).
        return count == 0 ? template : Format(message, state, count, template);
    }

    private ReadOnlySpan<char> Format(object message, IReadOnlyList<KeyValuePair<string, object?>> state, int count, string template)
    {
        if (_values.Length < count)
        {
            _values = new object?[count];
        }

        var values = _values.AsSpan(0, count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                values[i] = state[i].Value ?? NullValue;
            }

            var format = FormatOf(template);
            while (true)
            {
                if (_chars.AsSpan().TryWrite(CultureInfo.InvariantCulture, format, out var written, (ReadOnlySpan<object?>)values))
                {
                    return _chars.AsSpan(0, written);
                }

                if (_chars.Length >= MaxChars)
                {
                    return DeferredMessage.Render(message);
                }

                _chars = new char[_chars.Length * 2];
            }
        }
#pragma warning disable CA1031 // A bad format specifier, or anything else: the state's own formatting reports it as everywhere else.
        catch (Exception)
#pragma warning restore CA1031
        {
            return DeferredMessage.Render(message);
        }
        finally
        {
            // The values are the caller's objects: the buffer must not keep them alive.
            values.Clear();
        }
    }

    private CompositeFormat FormatOf(string template)
    {
        if (!_formats.TryGetValue(template, out var format))
        {
            if (_formats.Count >= MaxCachedTemplates)
            {
                _formats.Clear();
            }

            format = NamedTemplate.Parse(template);
            _formats[template] = format;
        }

        return format;
    }
}
