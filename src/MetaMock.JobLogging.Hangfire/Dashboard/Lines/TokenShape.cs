using System.Buffers;

namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>
/// Checks a paging token from the browser before it goes anywhere: CloudWatch's forward tokens are short runs of
/// letters, digits and <c>/+=_-</c> (such as <c>f/3857...</c>); anything longer or with other characters is refused.
/// </summary>
internal static class TokenShape
{
    public const int MaxLength = 256;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+=_-");

    public static bool IsCloudWatchToken(string token) =>
        token.Length is > 2 and <= MaxLength && token[1] == '/' && token[0] is 'f' or 'b' && !token.AsSpan().ContainsAnyExcept(Allowed);
}
