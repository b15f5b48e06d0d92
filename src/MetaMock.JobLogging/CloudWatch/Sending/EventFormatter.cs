using System.Buffers;
using System.Globalization;
using System.Text;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// Formats captured events in the background, in the console's format (text line or JSON line) without the trailing
/// line break: each CloudWatch event is one record. Writes UTF-8 straight into the given writer (the sender's
/// <see cref="MessageStore"/>), so the common text line is encoded once and never exists as a string. Reuses its
/// buffers, so it belongs to the one loop thread.
/// </summary>
internal sealed class EventFormatter : IDisposable
{
    // Above this, a message's exact UTF-8 length is counted before writing instead of reserving three bytes per char.
    private const int ExactCountAbove = MessageStore.ChunkSize / 4;

    // "[INFO] " and the others, by LogLevel value (Trace 0 ... None 6), as TextLine writes them.
    private static readonly byte[][] LevelPrefixes =
        [.. Enumerable.Range(0, 7).Select(level => Encoding.UTF8.GetBytes($"[{LevelNames.Of((LogLevel)level)}] "))];

    private readonly LogFormat _format;
    private readonly SenderCounters? _counters;
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly DeferredMessageWriter _messages = new();
    // The context prefix of the line being written; a longer prefix (values of hundreds of chars) uses the context's string.
    private readonly char[] _prefix = new char[256];

    public EventFormatter(LogFormat format, SenderCounters? counters = null)
    {
        _format = format;
        _counters = counters;
    }

    /// <summary>
    /// Writes the event's record into <paramref name="output"/>; the caller commits or discards it. What the
    /// application's values throw here (JSON values, scopes, the exception's text) becomes a counted placeholder.
    /// </summary>
    public void Format(in CapturedEvent item, IBufferWriter<byte> output)
    {
        if (_format == LogFormat.Json)
        {
            Count(JsonLine.Write(output, new JsonLineParts(item.Timestamp, item.Level, item.Category, item.Message, item.Context, item.Exception, item.State,
                item.Scopes is null ? null : new CapturedScopes(item.Scopes), item.Sequence)));
            return;
        }

        if (item.Exception is null)
        {
            // The common case: the text line's parts (see TextLine) without the line break, encoded in place. The
            // prefix ends in "] ", so encoding the parts one by one gives the same bytes as encoding them joined.
            var level = LevelPrefixes[Math.Clamp((int)item.Level, 0, LevelPrefixes.Length - 1)];
            Write(output, level, Prefix(item.Context), _messages.Write(item.MessageSource));
            return;
        }

        Write(output, [], string.Empty, ExceptionLine(item));
    }

    public void Dispose() => _text.Dispose();

    private void Count(int placeholders)
    {
        if (placeholders > 0)
        {
            _counters?.AddPlaceholders(placeholders);
        }
    }

    private ReadOnlySpan<char> Prefix(LogContextSnapshot? context)
    {
        if (context is null)
        {
            return [];
        }

        return ContextPrefix.TryWriteBare(context, _prefix, out var written) ? _prefix.AsSpan(0, written) : context.TextPrefix;
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> level, ReadOnlySpan<char> prefix, ReadOnlySpan<char> message)
    {
        var utf8 = Encoding.UTF8;
        var size = level.Length + utf8.GetMaxByteCount(prefix.Length) + utf8.GetMaxByteCount(message.Length);
        if (size > ExactCountAbove)
        {
            size = level.Length + utf8.GetByteCount(prefix) + utf8.GetByteCount(message);
        }

        var span = output.GetSpan(size);
        level.CopyTo(span);
        var written = level.Length;
        written += utf8.GetBytes(prefix, span[written..]);
        written += utf8.GetBytes(message, span[written..]);
        output.Advance(written);
    }

    // A rare line: the original Python design's text record with the exception on the following lines, built by TextLine itself.
    private string ExceptionLine(in CapturedEvent item)
    {
        var builder = _text.GetStringBuilder();
        builder.Clear();
        Count(TextLine.Write(_text, item.Level, item.Context, item.Message, item.Exception));
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

        return message;
    }
}
