using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// Writes one context value of the <c>key=value</c> list: bare when it is plainly safe, JSON-quoted otherwise,
/// so a value with a space, <c>]</c>, <c>=</c>, a quote or a line break can neither break the list nor forge a line.
/// A lone surrogate is quoted as U+FFFD.
/// </summary>
internal static class ContextValue
{
    private static readonly SearchValues<char> Bare =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:/@-");

    public static bool IsBare(string value) => value.Length > 0 && !value.AsSpan().ContainsAnyExcept(Bare);

    public static string Quote(string value) =>
        string.Concat("\"", JsonEncodedText.Encode(ValidUtf16.Repair(value), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value, "\"");

    public static string Render(string value) => IsBare(value) ? value : Quote(value);
}
