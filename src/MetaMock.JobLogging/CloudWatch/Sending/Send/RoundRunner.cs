using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// Sends one round (see <see cref="SendRound"/>) to its end while the intake keeps draining, so a producer refilling
/// the room the round releases is not left with its strings queued for the whole round: it drains on every wake-up,
/// drain interval and ended call, and hands each freed slot a call cut from what its stream holds by then. Events that
/// arrive for a stream whose calls are cut wait aside and join it when the round ends.
/// </summary>
internal sealed class RoundRunner
{
    private readonly StreamArrivals _arrivals;
    private readonly Action<DateTimeOffset> _drain;
    private readonly FlushSignal _signal;
    private readonly ProgressSignal _progress;
    private readonly TimeProvider _time;
    private readonly TimeSpan _drainInterval;
    private readonly int _parallelism;
    private readonly CancellationToken _deadline;

    public RoundRunner(StreamArrivals arrivals, Action<DateTimeOffset> drain, FlushSignal signal, ProgressSignal progress, TimeProvider time, TimeSpan drainInterval, int parallelism, CancellationToken deadline)
    {
        _arrivals = arrivals;
        _drain = drain;
        _signal = signal;
        _progress = progress;
        _time = time;
        _drainInterval = drainInterval;
        _parallelism = parallelism;
        _deadline = deadline;
    }

    /// <summary>
    /// Sends <paramref name="listed"/> (their full calls only, or all they hold) and returns the ended round, whose
    /// failures the caller judges. The shutdown deadline cuts the calls short.
    /// </summary>
    public async Task<SendRound> RunAsync(StreamSender sender, List<StreamState> listed, bool fullCallsOnly)
    {
        // The list of full streams grows during the round (drained streams not in it): the round keeps its own copy.
        var streams = fullCallsOnly ? [.. listed] : listed;
        var round = new SendRound(sender, streams, fullCallsOnly, _parallelism, _time, _deadline);
        try
        {
            await DrainWhileAsync(round).ConfigureAwait(false);
        }
        finally
        {
            round.End();
            _arrivals.RoundEnded(streams);
        }

        return round;
    }

    private async Task DrainWhileAsync(SendRound round)
    {
        round.Dispatch();
        using var roundOver = new CancellationTokenSource();
        var wait = Task.CompletedTask;
        while (!round.IsOver)
        {
            if (wait.IsCompleted)
            {
                wait = _signal.WaitAsync(_drainInterval, _time, roundOver.Token);
            }

            await Task.WhenAny(round.AnyCallEnded, wait).ConfigureAwait(false);
            // A call that ended settled its events: a flush waiting only for those need not wait for the whole round.
            _progress.Pulse();
            _drain(_time.GetUtcNow());
            round.Dispatch();
        }

        await roundOver.CancelAsync().ConfigureAwait(false);
        await wait.ConfigureAwait(false);
    }
}
