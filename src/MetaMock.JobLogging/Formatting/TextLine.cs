using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// The original Python design's text record: <c>[LEVEL] [context] message</c>, then the exception (type, message, stack, inner
/// exceptions) on the following lines of the same record.
/// </summary>
internal static class TextLine
{
    /// <summary>Writes the record; returns how many placeholders it holds (an exception whose text threw).</summary>
    public static int Write(TextWriter writer, LogLevel level, LogContextSnapshot? context, string message, Exception? exception)
    {
        var placeholders = 0;
        WriteRecord(writer, level, context, message, exception is null ? null : UserText.OfException(exception, ref placeholders));
        return placeholders;
    }

    /// <summary>Writes the record with the exception's text as <see cref="UserText.OfException"/> gave it (or none).</summary>
    public static void WriteRecord(TextWriter writer, LogLevel level, LogContextSnapshot? context, string message, string? exceptionText)
    {
        writer.Write('[');
        writer.Write(LevelNames.Of(level));
        writer.Write("] ");
        if (context is not null)
        {
            writer.Write(context.TextPrefix);
        }

        writer.Write(ValidUtf16.Repair(message));
        if (exceptionText is not null)
        {
            writer.Write(Environment.NewLine);
            writer.Write(ValidUtf16.Repair(exceptionText));
        }

        writer.Write(Environment.NewLine);
    }
}
