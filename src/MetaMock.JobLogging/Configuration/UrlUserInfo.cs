namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// Removes the <c>user:password@</c> part of a URL before it is printed. It works on text, because a value echoed in a
/// warning is one that did not parse as a URL and may still carry a password.
/// </summary>
internal static class UrlUserInfo
{
    public static string Strip(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return text;
        }

        var start = scheme + 3;
        var end = text.IndexOfAny(['/', '?', '#'], start);
        if (end < 0)
        {
            end = text.Length;
        }

        var at = text.LastIndexOf('@', end - 1, end - start);
        return at < 0 ? text : string.Concat(text.AsSpan(0, start), text.AsSpan(at + 1));
    }

    /// <summary>The URL as it may be printed: scheme, host and port.</summary>
    public static string Authority(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
