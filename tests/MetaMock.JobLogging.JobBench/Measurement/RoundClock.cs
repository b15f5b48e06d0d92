using System.Diagnostics;

namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>
/// Wall-clock and process CPU time of one round. Wall time stops when the last job has run; CPU time stops only
/// when the logging provider has also delivered the round's lines, so the sender's background work is charged to
/// the variant that caused it.
/// </summary>
internal sealed class RoundClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    // Environment.CpuUsage reads getrusage on Linux (microseconds), not the 10 ms ticks of Process.TotalProcessorTime:
    // a 5,000-firing round costs only about 0.1 s of CPU.
    private readonly TimeSpan _cpuAtStart = Environment.CpuUsage.TotalTime;
    private TimeSpan _wallElapsed;

    public void StopWall() => _wallElapsed = _wall.Elapsed;

    public Rate Finish(int jobs) => new(jobs / _wallElapsed.TotalSeconds, jobs / (Environment.CpuUsage.TotalTime - _cpuAtStart).TotalSeconds);
}
