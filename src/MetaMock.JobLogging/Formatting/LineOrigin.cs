namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// Where a JSON line comes from and its place among the process's lines: <c>host</c>, <c>pid</c> and <c>seq</c>.
/// CloudWatch orders a stream by timestamp only, and workers' clocks differ and tie; within one worker's lines
/// (same host and pid) <c>seq</c> gives the order of the log calls.
/// </summary>
internal static class LineOrigin
{
    private static long _sequence;

    // The seq and time a log call took for its CloudWatch record, for its console line, formatted on the same thread within the call.
    [ThreadStatic]
    private static LineStamp _shared;

    /// <summary>The machine's name, as the default stream name uses it.</summary>
    public static string Host { get; } = Environment.MachineName;

    /// <summary>This process's id.</summary>
    public static int ProcessId { get; } = Environment.ProcessId;

    /// <summary>The next number of this process's sequence (1, 2, ...), taken at the log call.</summary>
    public static long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>
    /// The console line's seq and time: the ones its log call already took (see <see cref="Share"/>), else the next seq
    /// and no time (<see cref="LineStamp.UtcTicks"/> 0: the formatter reads its clock).
    /// </summary>
    public static LineStamp TakeForConsole()
    {
        var shared = _shared;
        if (shared.Sequence == 0)
        {
            return new LineStamp(NextSequence(), 0);
        }

        _shared = default;
        return shared;
    }

    /// <summary>
    /// Until <see cref="EndShare"/>, the console line written on this thread takes <paramref name="stamp"/>: one call,
    /// one seq and one timestamp, in CloudWatch and on the console. Returns what to restore (a log call inside another's
    /// formatting).
    /// </summary>
    public static LineStamp Share(LineStamp stamp)
    {
        var previous = _shared;
        _shared = stamp;
        return previous;
    }

    /// <summary>Ends a <see cref="Share"/>, restoring what it returned.</summary>
    public static void EndShare(LineStamp previous) => _shared = previous;
}

/// <summary>A JSON line's <c>seq</c> and the UTC ticks of its <c>timestamp</c>, as its log call took them (0, 0: none taken).</summary>
internal readonly record struct LineStamp(long Sequence, long UtcTicks);
