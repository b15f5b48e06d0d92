using System.Diagnostics;

namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>
/// Wall-clock and process CPU time of one round. Wall time stops when the last job has run; CPU time stops only
/// when the logging provider has also delivered the round's lines, so the sender's background work is charged to
/// the variant that caused it.
/// </summary>
internal sealed class RoundClock
{
    private readonly Stopwatch _wall;

    // Environment.CpuUsage reads getrusage on Linux (microseconds), not the 10 ms ticks of Process.TotalProcessorTime:
    // a 5,000-firing round costs only about 0.1 s of CPU.
    private readonly TimeSpan _cpuAtStart;
    private readonly int _gen0;
    private readonly int _gen2;
    private readonly TimeSpan _pause;
    private TimeSpan _wallElapsed;
    private TimeSpan _cpuAtWallStop;

    /// <summary>Starts the round's clocks on a collected heap.</summary>
    /// <remarks>
    /// A Quartz round schedules all its jobs at once (about 6 MB live until they fire), so whether a gen1 or a background
    /// gen2 collection falls inside a 50 ms round depends on the garbage earlier rounds left behind: without this, rounds of
    /// the same variant ran at 35,000 to 98,000 firings/s. The collections and pause time inside the round are reported.
    /// </remarks>
    public RoundClock()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _gen0 = GC.CollectionCount(0);
        _gen2 = GC.CollectionCount(2);
        _pause = GC.GetTotalPauseDuration();
        _cpuAtStart = Environment.CpuUsage.TotalTime;
        _wall = Stopwatch.StartNew();
    }

    public void StopWall()
    {
        _wallElapsed = _wall.Elapsed;
        _cpuAtWallStop = Environment.CpuUsage.TotalTime;
    }

    public Rate Finish(int jobs) => new(jobs / _wallElapsed.TotalSeconds, jobs / (Environment.CpuUsage.TotalTime - _cpuAtStart).TotalSeconds)
    {
        Gen0 = GC.CollectionCount(0) - _gen0,
        Gen2 = GC.CollectionCount(2) - _gen2,
        PauseMs = (GC.GetTotalPauseDuration() - _pause).TotalMilliseconds,
        CpuAfterWallMicrosecondsPerJob = (Environment.CpuUsage.TotalTime - _cpuAtWallStop).TotalMicroseconds / jobs,
    };
}
