using System.Buffers;
using System.Globalization;
using System.Text;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Sending.Intake;

/// <summary>
/// Formats records in the background into the console's line (text or JSON) without the trailing line break: each
/// CloudWatch event is one record. The JSON line and the text line with an exception are written by the console's own
/// writers (<see cref="JsonLine"/>, <see cref="TextLine"/>); the common text line, the same bytes, is written in place:
/// the record's UTF-8 message is copied, never decoded into a string. Reuses its buffers: the one loop thread only.
/// </summary>
internal sealed class EventFormatter : IDisposable
{
    // Above this, a message's exact UTF-8 length is counted before writing instead of reserving three bytes per char.
    private const int ExactCountAbove = MessageStore.ChunkSize / 4;

    // "[INFO] " and the others, by LogLevel value (Trace 0 ... None 6), as TextLine writes them.
    private static readonly byte[][] LevelPrefixes =
        [.. Enumerable.Range(0, 7).Select(level => Encoding.UTF8.GetBytes($"[{LevelNames.Of((LogLevel)level)}] "))];

    private readonly LogFormat _format;
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture);
    private readonly TemplateWriter _templates = new();
    // The context prefix of the line being written; a longer prefix (values of hundreds of chars) uses the context's string.
    private readonly char[] _prefix = new char[256];

    public EventFormatter(LogFormat format) => _format = format;

    /// <summary>Writes the record's line into <paramref name="output"/>; the caller commits or discards it.</summary>
    public void Format(in EventView view, IBufferWriter<byte> output)
    {
        if (_format == LogFormat.Json)
        {
            JsonLine.Write(output, new JsonLineParts(
                view.Timestamp, view.Level, view.Category, view.MessageText(), view.Context, ExceptionText(view), RecordProperties.Of(view),
                RecordProperties.ScopesOf(view), view.Sequence, view.Origin));
            return;
        }

        if (!view.HasException)
        {
            // The common case: the text line's parts (see TextLine) without the line break, encoded in place. The
            // prefix ends in "] ", so encoding the parts one by one gives the same bytes as encoding them joined.
            var level = LevelPrefixes[Math.Clamp((int)view.Level, 0, LevelPrefixes.Length - 1)];
            if (view.Template is { } template)
            {
                Write(output, level, Prefix(view.Context), [], _templates.Write(template, view.Values));
            }
            else
            {
                Write(output, level, Prefix(view.Context), view.Message, []);
            }

            return;
        }

        Write(output, [], [], [], ExceptionLine(view));
    }

    public void Dispose() => _text.Dispose();

    private static string? ExceptionText(in EventView view) => view.HasException ? Encoding.UTF8.GetString(view.Exception) : null;

    private ReadOnlySpan<char> Prefix(LogContextSnapshot? context)
    {
        if (context is null)
        {
            return [];
        }

        return ContextPrefix.TryWriteBare(context, _prefix, out var written) ? _prefix.AsSpan(0, written) : context.TextPrefix;
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> level, ReadOnlySpan<char> prefix, ReadOnlySpan<byte> utf8, ReadOnlySpan<char> chars)
    {
        var encoding = Encoding.UTF8;
        var size = level.Length + encoding.GetMaxByteCount(prefix.Length) + utf8.Length + encoding.GetMaxByteCount(chars.Length);
        if (size > ExactCountAbove)
        {
            size = level.Length + encoding.GetByteCount(prefix) + utf8.Length + encoding.GetByteCount(chars);
        }

        var span = output.GetSpan(size);
        level.CopyTo(span);
        var written = level.Length;
        written += encoding.GetBytes(prefix, span[written..]);
        utf8.CopyTo(span[written..]);
        written += utf8.Length;
        written += encoding.GetBytes(chars, span[written..]);
        output.Advance(written);
    }

    // A rare line: the original Python design's text record with the exception on the following lines, built by TextLine itself.
    private string ExceptionLine(in EventView view)
    {
        var builder = _text.GetStringBuilder();
        builder.Clear();
        TextLine.WriteRecord(_text, view.Level, view.Context, view.MessageText(), ExceptionText(view));
        var length = builder.Length - Environment.NewLine.Length;
        var line = builder.ToString(0, length);
        if (builder.Capacity > 64 * 1024)
        {
            // One huge message must not pin a huge buffer for the process's life (emptied first: capacity >= length).
            builder.Clear();
            builder.Capacity = 1024;
        }

        return line;
    }
}
