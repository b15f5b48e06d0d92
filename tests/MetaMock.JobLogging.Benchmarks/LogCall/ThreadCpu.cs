using System.Globalization;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// CPU time the calling thread has run, from Linux's scheduler statistics (nanoseconds, first field of
/// <c>/proc/thread-self/schedstat</c>); -1 where that file does not exist.
/// </summary>
internal static class ThreadCpu
{
    public static long Nanoseconds()
    {
        const string path = "/proc/thread-self/schedstat";
        if (!File.Exists(path))
        {
            return -1;
        }

        var text = File.ReadAllText(path);
        return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }
}
