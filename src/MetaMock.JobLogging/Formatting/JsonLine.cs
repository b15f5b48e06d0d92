using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// One JSON object per record: timestamp, level, category, message, the four context fields as top-level keys, the
/// line's origin (host, pid, seq), exception, the message template's named values and key/value scope properties. The
/// first writer of a key wins, so a template value or scope cannot overwrite the reserved keys (or each other).
/// </summary>
/// <remarks>
/// Never throws on the application's values: every string is made valid UTF-16 first (the writer refuses lone
/// surrogates), and a value, exception or property list that throws is written as a placeholder (see
/// <see cref="UserText"/>). Nothing that can throw runs between a property's name and its value, so the object stays whole.
/// </remarks>
internal static class JsonLine
{
    /// <summary>The key that names a state or scope whose property list threw while being read.</summary>
    public const string PropertiesErrorKey = "properties_error";

    private const string OriginalFormat = "{OriginalFormat}";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Writes the record; returns how many placeholders it holds in place of text that threw.</summary>
    public static int Write(IBufferWriter<byte> output, in JsonLineParts parts)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        var written = new WrittenKeySet();
        json.WriteStartObject();
        WriteString(json, written, "timestamp", parts.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        WriteString(json, written, "level", LevelNames.Of(parts.Level));
        WriteString(json, written, "category", parts.Category);
        WriteString(json, written, "message", parts.Message);
        if (parts.Context is { } context)
        {
            foreach (var (key, value) in ContextFields.Enumerate(context))
            {
                WriteString(json, written, key, value);
            }
        }

        var (host, pid) = parts.Origin ?? (LineOrigin.Host, LineOrigin.ProcessId);
        WriteString(json, written, "host", host);
        written.Add("pid");
        json.WriteNumber("pid", pid);
        written.Add("seq");
        json.WriteNumber("seq", parts.Sequence);
        if (parts.ExceptionText is { } exception)
        {
            WriteString(json, written, "exception", exception);
        }

        if (parts.State is { } state)
        {
            WriteProperties(json, written, state);
        }

        parts.Scopes?.ForEachScope(
            static (scope, target) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> properties)
                {
                    WriteProperties(target.Json, target.Written, properties);
                }
            },
            (Json: json, Written: written));

        json.WriteEndObject();
        json.Flush();
        return written.Placeholders;
    }

    private static void WriteProperties(Utf8JsonWriter json, WrittenKeySet written, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        try
        {
            foreach (var (key, value) in properties)
            {
                // Repaired before the duplicate check: two keys that differ only in lone surrogates are one key once written.
                var name = key is null ? null : ValidUtf16.Repair(key);
                if (name is not null && name != OriginalFormat && written.Add(name))
                {
                    json.WritePropertyName(name);
                    WriteValue(json, value, ref written.Placeholders);
                }
            }
        }
#pragma warning disable CA1031 // A state's or scope's own list throwing must not cost the line; the pairs before it stay.
        catch (Exception error)
#pragma warning restore CA1031
        {
            if (written.Add(PropertiesErrorKey))
            {
                written.Placeholders++;
                json.WriteString(PropertiesErrorKey, UserText.Placeholder("properties enumeration", error));
            }
        }
    }

    private static void WriteString(Utf8JsonWriter json, WrittenKeySet written, string key, string value)
    {
        written.Add(key);
        json.WriteString(key, ValidUtf16.Repair(value));
    }

    private static void WriteValue(Utf8JsonWriter json, object? value, ref int placeholders)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(ValidUtf16.Repair(s)); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short sh: json.WriteNumberValue(sh); break;
            case byte by: json.WriteNumberValue(by); break;
            case uint ui: json.WriteNumberValue(ui); break;
            case ulong ul: json.WriteNumberValue(ul); break;
            case decimal m: json.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case DateTimeOffset dto: json.WriteStringValue(dto); break;
            case DateTime dt: json.WriteStringValue(dt); break;
            case Guid g: json.WriteStringValue(g); break;
            default: json.WriteStringValue(UserText.OfValue(value, ref placeholders)); break;
        }
    }

    // The keys written so far, and the placeholders, in one object: the line's one allocation besides the writer.
    private sealed class WrittenKeySet : HashSet<string>
    {
        public WrittenKeySet()
            : base(StringComparer.Ordinal)
        {
        }

#pragma warning disable SA1401, CA1051 // Passed by reference to the writers of values.
        public int Placeholders;
#pragma warning restore SA1401, CA1051
    }
}
