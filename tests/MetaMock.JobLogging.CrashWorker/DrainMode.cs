using System.Diagnostics;

namespace MetaMock.JobLogging.CrashWorker;

/// <summary>
/// Waits until the sender has nothing left: nothing queued and no counter moving for <see cref="Quiet"/>. Replay runs
/// in the background from the start and the public diagnostics cannot say how much the spool still holds, so "done"
/// is judged from outside: a flush, then no change for 30 flush intervals (3 s, ample on a loaded machine: the sender polls every 100 ms).
/// </summary>
internal static class DrainMode
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>True once quiet; false when <see cref="Limit"/> passed first (the line printed at exit shows what was left).</summary>
    public static async Task<bool> WaitUntilQuietAsync(MetaMockLoggingDiagnostics diagnostics, MeterTotals meter)
    {
        var clock = Stopwatch.StartNew();
        var last = DiagnosticsLine.Format(diagnostics, meter);
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < Limit)
        {
            using (var bound = new CancellationTokenSource(Limit - clock.Elapsed))
            {
                try
                {
                    await diagnostics.FlushAsync(bound.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            await Task.Delay(Poll).ConfigureAwait(false);
            var now = DiagnosticsLine.Format(diagnostics, meter);
            if (now != last || diagnostics.QueuedEvents > 0)
            {
                (last, quietSince) = (now, clock.Elapsed);
            }
            else if (clock.Elapsed - quietSince >= Quiet)
            {
                return true;
            }
        }

        return false;
    }
}
