namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// Where a JSON line comes from and its place among the process's lines: <c>host</c>, <c>pid</c> and <c>seq</c>.
/// CloudWatch orders a stream by timestamp only, and workers' clocks differ and tie; within one worker's lines
/// (same host and pid) <c>seq</c> gives the order of the log calls.
/// </summary>
internal static class LineOrigin
{
    private static long _sequence;

    /// <summary>The machine's name, as the default stream name uses it.</summary>
    public static string Host { get; } = Environment.MachineName;

    /// <summary>This process's id.</summary>
    public static int ProcessId { get; } = Environment.ProcessId;

    /// <summary>The next number of this process's sequence (1, 2, ...), taken at the log call.</summary>
    public static long NextSequence() => Interlocked.Increment(ref _sequence);
}
