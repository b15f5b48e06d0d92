using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// One JSON object per record: timestamp, level, category, message, the four context fields as top-level keys,
/// exception, the message template's named values and key/value scope properties. The first writer of a key wins,
/// so a template value or scope cannot overwrite the reserved keys (or each other).
/// </summary>
internal static class JsonLine
{
    private const string OriginalFormat = "{OriginalFormat}";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(
        IBufferWriter<byte> output,
        in JsonLineParts parts)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        var written = new HashSet<string>(StringComparer.Ordinal);
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

        if (parts.Exception is { } exception)
        {
            WriteString(json, written, "exception", exception.ToString());
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
    }

    private static void WriteProperties(Utf8JsonWriter json, HashSet<string> written, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        foreach (var (key, value) in properties)
        {
            if (key != OriginalFormat && written.Add(key))
            {
                json.WritePropertyName(key);
                WriteValue(json, value);
            }
        }
    }

    private static void WriteString(Utf8JsonWriter json, HashSet<string> written, string key, string value)
    {
        written.Add(key);
        json.WriteString(key, value);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
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
            case IFormattable formattable: json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
