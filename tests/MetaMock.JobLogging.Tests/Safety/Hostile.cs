using System.Text;
using System.Text.Json;

namespace MetaMock.JobLogging.Tests.Safety;

/// <summary>Values and exceptions that misbehave the way application code can, and a way to read any line as text.</summary>
internal static class Hostile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A line as readable text: a text line as it is, a JSON line's keys and decoded values, one per line.</summary>
    public static string Decoded(string line, bool json)
    {
        if (!json)
        {
            return line;
        }

        using var document = JsonDocument.Parse(line);
        return string.Join('\n', document.RootElement.EnumerateObject().Select(p =>
            $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));
    }

    /// <summary>Whether the text encodes to valid UTF-8 (no lone surrogate).</summary>
    public static bool IsValidUtf8(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    public sealed class ThrowingToString
    {
        public override string ToString() => throw new InvalidOperationException("ToString of the value threw");
    }

    public sealed class ThrowingException : Exception
    {
        public ThrowingException()
            : base("the exception")
        {
        }

        public ThrowingException(string message)
            : base(message)
        {
        }

        public ThrowingException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public override string ToString() => throw new InvalidOperationException("ToString of the exception threw");
    }
}
