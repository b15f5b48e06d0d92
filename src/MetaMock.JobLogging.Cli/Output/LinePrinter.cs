using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.Cli.Output;

/// <summary>
/// Writes one event: its UTC time and the line as stored (an exception's lines kept whole), coloured by level on a
/// terminal; or, with <c>--json</c>, one JSON object per event with the level, task and run id read from the line.
/// </summary>
internal sealed class LinePrinter
{
    private const string Reset = "\u001b[0m";
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _out;
    private readonly bool _colour;
    private readonly bool _json;

    public LinePrinter(TextWriter output, bool colour, bool json)
    {
        _out = output;
        _colour = colour && !json;
        _json = json;
    }

    public void Write(OutputLogEvent item, StoredLine line)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(item.Timestamp).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var text = item.Message.TrimEnd('\r', '\n');
        if (_json)
        {
            _out.WriteLine(Json(time, text, line));
        }
        else if (_colour && Colour(line.Level) is { } colour)
        {
            _out.WriteLine($"{colour}{time} {text}{Reset}");
        }
        else
        {
            _out.WriteLine($"{time} {text}");
        }

        _out.Flush();
    }

    private static string Json(string time, string text, StoredLine line)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", time);
            json.WriteString("level", line.Level);
            json.WriteString("task", line.Task);
            json.WriteString("runId", line.RunId);
            json.WriteString("message", text);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Colour(string? level) => level switch
    {
        "ERROR" or "CRITICAL" => "\u001b[31m",
        "WARNING" => "\u001b[33m",
        "DEBUG" or "TRACE" => "\u001b[90m",
        _ => null,
    };
}
