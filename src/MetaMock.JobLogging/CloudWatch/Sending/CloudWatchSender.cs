using MetaMock.JobLogging.CloudWatch.Records.Spool;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.CloudWatch.Sending.Pacing;
using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.CloudWatch.Sending.Send;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// The one background loop for every stream, a short sequencer over its parts. It connects once
/// (<see cref="CloudWatchConnection"/>), then goes round in cycles: each cycle DRAINS (<see cref="EventIntake"/> reads
/// each record, routes and formats it into the store, and a memory record's segment can be reused), then SENDS what
/// <see cref="SendPacing"/> says. Draining and sending are paced apart: it drains whenever a writer reports a drain's
/// worth appended, and every drain interval while anything is queued; it sends every stream with
/// events at the flush interval, and early the full calls of a stream that holds one, or everything once the buffer is
/// half full (drained events still count against its limits until released). While a send round is in flight it keeps
/// draining (<see cref="RoundRunner"/>): into the streams whose calls are not yet cut, and aside for the others.
/// Failures keep events pending (within the buffer's limits) and back off (<see cref="SendFailures"/>): no send until
/// the backoff ends, though draining goes on; refused credentials switch everything to the console
/// (<see cref="ConsoleFallback"/>). A flush makes the next cycle a round for every stream and learns from
/// <see cref="Progressed"/> when to look at the counters again. On dispose the loop delivers what it can within the
/// shutdown timeout, and the rest is counted and reported (<see cref="ShutdownReport"/>).
/// </summary>
internal sealed class CloudWatchSender : IDisposable
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(30);

    // Set at construction, read-only afterwards.
    private readonly MetaMockLoggingOptions _options;
    private readonly RecordBuffer _buffer;
    private readonly FlushSignal _signal;
    private readonly SenderCounters _counters;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();

    // Touched by the loop only.
    private readonly EventFormatter _formatter;
    // The text of every pending event, shared by the streams (see MessageStore for why one store).
    private readonly MessageStore _store = new();
    // Idle streams are remembered only so CreateLogStream isn't repeated; 1,000 of them cover the jobs running at once
    // on any one worker, and keep memory flat however many jobs a process has ever seen (streams with pending events
    // are never evicted, so the cap never costs an event).
    private readonly StreamTable _streams = new(TimeSpan.FromMinutes(10), maxStreams: 1_000);
    private readonly EventIntake _intake;
    private readonly SpoolWriteBack? _spoolWriteBack;
    private readonly StreamArrivals _arrivals = new();
    private readonly SendPacing _pacing;
    private readonly RoundRunner _rounds;
    private readonly CloudWatchConnection _connection;
    private readonly DropReporter _drops;
    private readonly SendFailures _failures;
    private readonly ShutdownReport _shutdown;
    // Wakes a waiting flush: at the end of every cycle and of every call of a round, of the loop, and of the shutdown.
    private readonly ProgressSignal _progress = new();
    private StreamSender? _sender;
    private bool _drainedNothing;
    private DateTimeOffset _lastDrained = DateTimeOffset.MinValue;

    // Shared with the log call.
    private readonly ConsoleFallback _fallback;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public CloudWatchSender(
        MetaMockLoggingOptions options,
        RecordBuffer buffer,
        SpoolSlot? spool,
        FlushSignal signal,
        SenderCounters counters,
        SenderOutput output,
        TimeProvider time,
        ICloudWatchClientSource clients,
        StreamRouter router)
    {
        _options = options;
        _buffer = buffer;
        _signal = signal;
        _counters = counters;
        _time = time;
        _spoolWriteBack = spool is null ? null : new SpoolWriteBack(spool, options, buffer, time);
        _formatter = new EventFormatter(options.Format);
        _intake = new EventIntake(buffer, spool is null ? null : new SpoolReplay(spool), spool is not null, router, _streams, _store, _formatter, counters, _arrivals.Accept);
        _pacing = new SendPacing(time, options.FlushInterval, SendPacing.DefaultDrainInterval);
        _rounds = new RoundRunner(_arrivals, DrainIntoStreams, signal, _progress, time, _pacing.DrainInterval, options.MaxParallelStreams, _abort.Token);
        _fallback = new ConsoleFallback(output, counters, buffer, _streams, _store);
        _connection = new CloudWatchConnection(options, clients, _fallback, counters, output, time, buffer, _store);
        _drops = new DropReporter(counters, output, ReportInterval);
        _failures = new SendFailures(counters, output, CloudWatchEndpoint.Resolve(options), ReportInterval);
        _shutdown = new ShutdownReport(counters, buffer, _streams, _drops, _failures, spooled: spool is not null);
    }

    /// <summary>True once CloudWatch was given up (credentials missing or refused): every level then goes to the console.</summary>
    public bool ConsoleOnly => _fallback.ConsoleOnly;

    /// <summary>Completes when the loop has ended: after <see cref="Dispose"/>, or later for a loop stuck past every deadline.</summary>
    public Task Stopped => _loop;

    /// <summary>Completes when the loop next may have settled events: a cycle or a call of a round ended.</summary>
    public Task Progressed => _progress.Next;

    /// <summary>Makes the next cycle a send round for every stream now, instead of at the flush interval.</summary>
    public void RequestRound()
    {
        _pacing.RequestRound();
        _signal.Wake();
    }

    /// <summary>The store's chunks, the streams held and their pending lists, for <see cref="SenderCounters.Footprint"/> (segments are the factory's to add).</summary>
    public MemoryFootprint Footprint() =>
        new(0, 0, 0, _store.ChunksInUse, _store.FreeChunks, MessageStore.ChunkSize, _streams.Count, _streams.Pending);

    public void Start()
    {
        // No caller's AsyncLocals (a job's context, a request's scope) may flow into the loop and its HTTP calls.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(RunAsync);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _buffer.Close();
        _abort.CancelAfter(_options.ShutdownTimeout);
        _stopping.Cancel();
        _signal.Wake();
        var finished = _loop.Wait(_options.ShutdownTimeout + TimeSpan.FromSeconds(2));
        if (!finished)
        {
            _abort.Cancel();
            _loop.Wait(TimeSpan.FromSeconds(2));
        }

        _shutdown.Report(loopEnded: _loop.IsCompleted);
        _progress.Pulse();
        if (_loop.IsCompleted)
        {
            // A loop stuck past every deadline keeps its objects; disposing them under it would only add errors.
            _connection.Dispose();
            _formatter.Dispose();
            _stopping.Dispose();
            _abort.Dispose();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            _sender = await _connection.ConnectAsync(_abort.Token).ConfigureAwait(false);
            _pacing.Start();
            while (!_stopping.IsCancellationRequested)
            {
                if (_pacing.WaitBeforeCycle(State()) is { } wait)
                {
                    await _signal.WaitAsync(wait, _time, _stopping.Token).ConfigureAwait(false);
                }

                await CycleAsync(shuttingDown: false).ConfigureAwait(false);
                _progress.Pulse();
            }

            await DeliverTheRestAsync().ConfigureAwait(false);

            // The sealed last segment's end is read, so once its events are settled it is released (a spool file deleted).
            DrainIntoStreams(_time.GetUtcNow());
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // The shutdown deadline passed; Dispose counts what is left.
        }
#pragma warning disable CA1031 // The loop must never die silently: anything unexpected becomes one console line.
        catch (Exception error)
#pragma warning restore CA1031
        {
            // A bug must not make the log calls feed a buffer nobody drains: fall back to the console like a refusal.
            _fallback.SwitchToConsole($"the CloudWatch sender stopped on an unexpected {error.GetType().Name}");
            try
            {
                DrainIntoStreams(_time.GetUtcNow());
                _fallback.WritePendingToConsole();
            }
#pragma warning disable CA1031 // Whatever is left is counted as undelivered by Dispose; the loop task must not fault.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
        finally
        {
            // No drain follows: a spare segment made for the log calls goes back (weakly held) rather than staying for good.
            _buffer.Log.Prepare(active: false);
            _progress.Pulse();
        }
    }

    // Shutdown: send rounds until nothing is left or the deadline passes.
    private async Task DeliverTheRestAsync()
    {
        while (!_abort.IsCancellationRequested && (_buffer.Events > 0 || _streams.AnyPending))
        {
            var before = _buffer.Events;
            await CycleAsync(shuttingDown: true).ConfigureAwait(false);
            _progress.Pulse();
            if (_buffer.Events >= before)
            {
                // No progress (the endpoint is failing): pause rather than spin until the deadline.
                await Task.Delay(SendPacing.NoProgressPause, _abort.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task CycleAsync(bool shuttingDown)
    {
        var now = _pacing.BeginCycle();
        DrainIntoStreams(now);
        var plan = _pacing.Plan(State(), shuttingDown);
        if (_fallback.ConsoleOnly || _sender is null)
        {
            _fallback.WritePendingToConsole();
            return;
        }

        if (plan.Send == SendScope.Everything)
        {
            await SendAsync(_sender, _streams.WithPending(), fullCallsOnly: false).ConfigureAwait(false);
        }
        else if (plan.Send == SendScope.FullCalls)
        {
            await SendAsync(_sender, _arrivals.FullStreams, fullCallsOnly: true).ConfigureAwait(false);
        }

        _drops.Report(now);
        if (plan.IntervalRound)
        {
            // Once a flush interval, not every drain: a stream's idle rounds are counted in these.
            _streams.Evict(now);
            _counters.PublishActiveStreams(_streams.Names());
        }
    }

    private async Task SendAsync(StreamSender sender, List<StreamState> streams, bool fullCallsOnly)
    {
        var round = await _rounds.RunAsync(sender, streams, fullCallsOnly).ConfigureAwait(false);
        // Empty streams beyond the cap go first, so the listing that reclaims the text also counts what is left.
        _streams.TrimToCap(_time.GetUtcNow());
        _store.Reclaim(_streams.WithPending());
        _pacing.RoundEnded(sentAny: round.CutAny);
        var refused = _failures.AfterRound(round, _time.GetUtcNow(), _buffer.Events, cutShort: _abort.IsCancellationRequested);
        if (refused is not null)
        {
            _fallback.SwitchToConsole(refused);
            _fallback.WritePendingToConsole();
        }
    }

    private LoopState State() => new(
        Queued: _buffer.Queued > 0,
        Backlog: _buffer.HasBacklog,
        DrainedNothing: _drainedNothing,
        LastDrained: _lastDrained,
        FullCallListed: _arrivals.FullStreams.Count > 0,
        HalfFull: _buffer.IsHalfFull,
        RetryAt: _failures.RetryAt,
        SyncAt: _spoolWriteBack?.SyncAt(_time.GetUtcNow()));

    private void DrainIntoStreams(DateTimeOffset now)
    {
        var drained = _intake.Drain(now);
        _drainedNothing = drained == 0;
        if (drained > 0)
        {
            _lastDrained = now;
        }

        _spoolWriteBack?.AfterDrain(drained);
    }
}
