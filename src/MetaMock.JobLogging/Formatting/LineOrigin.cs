namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// Where a JSON line comes from and its place among the process's lines: <c>host</c>, <c>pid</c> and <c>seq</c>.
/// CloudWatch orders a stream by timestamp only, and workers' clocks differ and tie; within one worker's lines
/// (same host and pid) <c>seq</c> gives the order of the log calls.
/// </summary>
internal static class LineOrigin
{
    private static long _sequence;

    // The seq a log call took for its CloudWatch record, for its console line, formatted on the same thread within the call.
    [ThreadStatic]
    private static long _shared;

    /// <summary>The machine's name, as the default stream name uses it.</summary>
    public static string Host { get; } = Environment.MachineName;

    /// <summary>This process's id.</summary>
    public static int ProcessId { get; } = Environment.ProcessId;

    /// <summary>The next number of this process's sequence (1, 2, ...), taken at the log call.</summary>
    public static long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>The console line's seq: the one its log call already took (see <see cref="Share"/>), else the next.</summary>
    public static long TakeForConsole()
    {
        var shared = _shared;
        if (shared == 0)
        {
            return NextSequence();
        }

        _shared = 0;
        return shared;
    }

    /// <summary>
    /// Until <see cref="EndShare"/>, the console line written on this thread takes <paramref name="sequence"/>: one call,
    /// one seq, in CloudWatch and on the console. Returns what to restore (a log call inside another's formatting).
    /// </summary>
    public static long Share(long sequence)
    {
        var previous = _shared;
        _shared = sequence;
        return previous;
    }

    /// <summary>Ends a <see cref="Share"/>, restoring what it returned.</summary>
    public static void EndShare(long previous) => _shared = previous;
}
