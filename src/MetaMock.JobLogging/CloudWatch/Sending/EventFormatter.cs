using System.Buffers;
using System.Globalization;
using System.Text;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Formats captured events in the background, in the console's format (text line or JSON line) without the trailing
/// line break: each CloudWatch event is one record. Reuses its buffers, so it belongs to the one loop thread.
/// </summary>
internal sealed class EventFormatter : IDisposable
{
    private readonly LogFormat _format;
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly ArrayBufferWriter<byte> _json = new(1024);

    public EventFormatter(LogFormat format) => _format = format;

    public (string Message, int Utf8Bytes) Format(in CapturedEvent item)
    {
        if (_format == LogFormat.Json)
        {
            _json.ResetWrittenCount();
            JsonLine.Write(_json, new JsonLineParts(item.Timestamp, item.Level, item.Category, item.Message, item.Context, item.Exception, item.State,
                item.Scopes is null ? null : new CapturedScopes(item.Scopes)));
            return (Encoding.UTF8.GetString(_json.WrittenSpan), _json.WrittenCount);
        }

        if (item.Exception is null)
        {
            // The common case in one allocation: the text line's parts without the line break (see TextLine).
            var line = string.Concat("[", LevelNames.Of(item.Level), "] ", item.Context?.TextPrefix, item.Message);
            return (line, Encoding.UTF8.GetByteCount(line));
        }

        var builder = _text.GetStringBuilder();
        builder.Clear();
        TextLine.Write(_text, item.Level, item.Context, item.Message, item.Exception);
        var length = builder.Length;
        var newLine = Environment.NewLine;
        if (length >= newLine.Length && builder.ToString(length - newLine.Length, newLine.Length) == newLine)
        {
            length -= newLine.Length;
        }

        var message = builder.ToString(0, length);
        if (builder.Capacity > 64 * 1024)
        {
            // One huge message must not pin a huge buffer for the process's life (emptied first: capacity >= length).
            builder.Clear();
            builder.Capacity = 1024;
        }

        return (message, Encoding.UTF8.GetByteCount(message));
    }

    public void Dispose() => _text.Dispose();
}
