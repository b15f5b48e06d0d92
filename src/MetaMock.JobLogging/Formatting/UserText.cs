using System.Collections;
using System.Globalization;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// Text that comes from the application's code (a message formatter, a value's or an exception's <c>ToString</c>),
/// obtained so that it never throws into the log call or costs the event: what throws is replaced by a placeholder
/// naming it (<c>[value ToString threw InvalidOperationException]</c>), and each placeholder is counted by the caller.
/// </summary>
/// <remarks>
/// Every result is valid UTF-16 (see <see cref="ValidUtf16"/>). The try/catch lives here, in small methods off the
/// inlined path, so a call whose values behave pays nothing for it.
/// </remarks>
internal static class UserText
{
    private const string OriginalFormat = "{OriginalFormat}";

    // What Microsoft.Extensions.Logging writes for a null template value.
    private const string NullValue = "(null)";

    /// <summary>The placeholder written where <paramref name="what"/> threw <paramref name="error"/>.</summary>
    public static string Placeholder(string what, Exception error) => $"[{what} threw {error.GetType().Name}]";

    /// <summary>The formatter's message (null when it returned null); a failure gives the template with its bad values replaced, or a placeholder.</summary>
    public static string? OfMessage<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter, ref int placeholders)
    {
        try
        {
            var message = formatter(state, exception);
            return message is null ? null : ValidUtf16.Repair(message);
        }
#pragma warning disable CA1031 // The application's code: whatever it throws must not reach the log call's caller.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return AfterFailure(state, error, ref placeholders);
        }
    }

    /// <summary>The exception's text; when its <c>ToString</c> throws, its type and a placeholder.</summary>
    public static string OfException(Exception exception, ref int placeholders)
    {
        try
        {
            return ValidUtf16.Repair(exception.ToString());
        }
#pragma warning disable CA1031 // As above.
        catch (Exception error)
#pragma warning restore CA1031
        {
            placeholders++;
            return $"{exception.GetType()}: {Placeholder("exception ToString", error)}";
        }
    }

    /// <summary>A value's text in the invariant culture, or a placeholder.</summary>
    public static string OfValue(object value, ref int placeholders)
    {
        try
        {
            var text = value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
            return ValidUtf16.Repair(text ?? string.Empty);
        }
#pragma warning disable CA1031 // As above.
        catch (Exception error)
#pragma warning restore CA1031
        {
            placeholders++;
            return Placeholder("value ToString", error);
        }
    }

    // A template state (MEL's, or any with "{OriginalFormat}" last) whose values format one by one shows which failed:
    // the message is the template with the failing values replaced. Otherwise the formatter itself is named.
    private static string AfterFailure<TState>(TState state, Exception error, ref int placeholders)
    {
        var valuePlaceholders = 0;
        try
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.Count > 0
                && values[^1] is { Key: OriginalFormat, Value: string template })
            {
                var texts = new object?[values.Count - 1];
                for (var i = 0; i < texts.Length; i++)
                {
                    texts[i] = OfTemplateValue(values[i].Value, ref valuePlaceholders);
                }

                if (valuePlaceholders > 0)
                {
                    placeholders += valuePlaceholders;
                    return ValidUtf16.Repair(string.Format(CultureInfo.InvariantCulture, NamedTemplate.Parse(template), texts));
                }

                placeholders++;
                return $"{ValidUtf16.Repair(template)} {Placeholder("message formatter", error)}";
            }
        }
#pragma warning disable CA1031 // A state that fails again while being read is named by the first failure below.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        placeholders++;
        return Placeholder("message formatter", error);
    }

    // As Microsoft.Extensions.Logging formats a template value: null as "(null)", a collection as its items joined.
    private static string OfTemplateValue(object? value, ref int placeholders)
    {
        switch (value)
        {
            case null:
                return NullValue;
            case string text:
                return text;
            case IEnumerable items:
                try
                {
                    var parts = new List<string>();
                    foreach (var item in items)
                    {
                        parts.Add(item is null ? NullValue : OfValue(item, ref placeholders));
                    }

                    return string.Join(", ", parts);
                }
#pragma warning disable CA1031 // As above.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    placeholders++;
                    return Placeholder("value enumeration", error);
                }

            default:
                return OfValue(value, ref placeholders);
        }
    }
}
