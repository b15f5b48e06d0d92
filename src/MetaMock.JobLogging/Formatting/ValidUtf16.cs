namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// Makes text valid UTF-16 before it is encoded: a lone surrogate (half of a pair, from a truncated id or a bad decode)
/// becomes U+FFFD, as UTF-8 encoders do, instead of failing the JSON writer or reaching CloudWatch as invalid UTF-8.
/// </summary>
/// <remarks>Valid text, the usual case, costs one vectorised scan and no allocation.</remarks>
internal static class ValidUtf16
{
    private const char Replacement = '\uFFFD';

    /// <summary><paramref name="text"/> itself when it is valid, otherwise a copy with every lone surrogate replaced.</summary>
    public static string Repair(string text)
    {
        var at = FirstLoneSurrogate(text);
        return at < 0 ? text : Replace(text, at);
    }

    /// <summary>The index of the first lone surrogate, or -1.</summary>
    public static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (at >= 0)
        {
            if (!char.IsHighSurrogate(text[at]) || at + 1 == text.Length || !char.IsLowSurrogate(text[at + 1]))
            {
                return at;
            }

            var next = text[(at + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
            at = next < 0 ? -1 : at + 2 + next;
        }

        return -1;
    }

    private static string Replace(string text, int first) =>
        string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, start) = state;
            source.AsSpan().CopyTo(span);
            for (var i = start; i < span.Length; i++)
            {
                if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(span[i]))
                {
                    span[i] = Replacement;
                }
            }
        });
}
