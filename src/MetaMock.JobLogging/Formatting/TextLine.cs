using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// The spec's text record: <c>[LEVEL] [context] message</c>, then the exception (type, message, stack, inner
/// exceptions) on the following lines of the same record.
/// </summary>
internal static class TextLine
{
    public static void Write(TextWriter writer, LogLevel level, LogContextSnapshot? context, string message, Exception? exception)
    {
        writer.Write('[');
        writer.Write(LevelNames.Of(level));
        writer.Write("] ");
        if (context is not null)
        {
            writer.Write(context.TextPrefix);
        }

        writer.Write(message);
        if (exception is not null)
        {
            writer.Write(Environment.NewLine);
            writer.Write(exception.ToString());
        }

        writer.Write(Environment.NewLine);
    }
}
