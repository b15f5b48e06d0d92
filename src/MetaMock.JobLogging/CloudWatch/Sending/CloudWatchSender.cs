using System.Globalization;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// The one background loop for every stream. Draining and sending are paced apart. It DRAINS (the intake reads each
/// record, routes and formats it into the store, and a memory record's segment can be reused) whenever a writer reports
/// a drain's worth appended, and every <see cref="DrainInterval"/> while anything is queued. It SENDS every stream with events at the flush interval, and early the full calls of a stream that holds
/// one, or everything once the buffer is half full (drained events still count against its limits until released).
/// While a send round is in flight it keeps draining, so a producer refilling the room the round releases is not left
/// with its records unread for the whole round: into the streams whose calls are not yet cut (they are cut from what
/// they hold when a slot frees, see <see cref="SendRound"/>), and into a list of arrivals set aside for the others.
/// Failures keep events pending (within the buffer's limits) and back off (see <see cref="SendFailures"/>): no send
/// until the backoff ends, though draining goes on; refused credentials switch everything to the console. On dispose
/// it delivers what it can within the shutdown timeout and reports the rest.
/// </summary>
internal sealed class CloudWatchSender : IDisposable
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(30);
    /// <summary>
    /// How long queued events may wait for a drain when no writer woke the loop. Short against the gen0 collections of
    /// a busy process (tens of milliseconds apart), long enough that a quiet process is not woken for every line.
    /// </summary>
    internal static readonly TimeSpan DrainInterval = TimeSpan.FromMilliseconds(50);

    // Set at construction, read-only afterwards.
    private readonly MetaMockLoggingOptions _options;
    private readonly RecordBuffer _buffer;
    private readonly FlushSignal _signal;
    private readonly SenderCounters _counters;
    private readonly SenderOutput _output;
    private readonly TimeProvider _time;
    private readonly ICloudWatchClientSource _clients;
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
    private readonly SpoolSlot? _spool;
    private readonly SpoolSyncPolicy? _spoolSync;
    // Appends the last sync covered: an idle spool is not synced again.
    private long _syncedAppends;
    // Streams that came to hold a full call since the last send, for an early send.
    private readonly List<StreamState> _fullStreams = [];
    // Events drained while a round was in flight, in drain order, to add to their streams after it. One list for all
    // streams, not one per stream: 1,000 busy streams would otherwise rent and grow 1,000 arrays every round.
    private readonly List<(StreamState Stream, PendingEvent Event)> _arrived = [];
    private readonly DropReporter _drops;
    private readonly SendFailures _failures;
    private ICloudWatchLogsClient? _client;
    private StreamSender? _sender;
    private DateTimeOffset _nextRound;
    private bool _drainedNothing;
    private DateTimeOffset _lastDrained = DateTimeOffset.MinValue;
    private bool _roundJustEnded;

    // Shared with the log call.
    private volatile bool _consoleOnly;
    // Set by a flush the application asked for: the next cycle sends everything, as at the flush interval.
    private int _roundRequested;
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
        _output = output;
        _time = time;
        _clients = clients;
        _spool = spool;
        _spoolSync = spool is null ? null : new SpoolSyncPolicy(options.SpoolSync, options.SpoolSyncInterval, time);
        _formatter = new EventFormatter(options.Format);
        _intake = new EventIntake(buffer, spool is null ? null : new SpoolReplay(spool), spool is not null, router, _streams, _store, _formatter, counters, Accept);
        _drops = new DropReporter(counters, output, ReportInterval);
        _failures = new SendFailures(counters, output, CloudWatchEndpoint.Resolve(options), ReportInterval);
    }

    /// <summary>True once CloudWatch was given up (credentials missing or refused): every level then goes to the console.</summary>
    public bool ConsoleOnly => _consoleOnly;

    /// <summary>Makes the next cycle a send round for every stream now, instead of at the flush interval.</summary>
    public void RequestRound()
    {
        Volatile.Write(ref _roundRequested, 1);
        _signal.Wake();
    }

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

        // Drops not yet announced first, then the shutdown's own count, so no event is reported twice.
        _drops.Report(DateTimeOffset.MaxValue);
        ReportUndelivered(settleUnanswered: _loop.IsCompleted);
        if (_loop.IsCompleted)
        {
            // A loop stuck past every deadline keeps its objects; disposing them under it would only add errors.
            (_client as IDisposable)?.Dispose();
            _formatter.Dispose();
            _stopping.Dispose();
            _abort.Dispose();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await ConnectAsync().ConfigureAwait(false);
            _nextRound = _time.GetUtcNow() + _options.FlushInterval;
            while (!_stopping.IsCancellationRequested)
            {
                // A backlog goes round at once, unless the last drain found nothing ready (a writer claimed slots and
                // was preempted before filling them): waiting then lets it finish instead of spinning against it. The
                // end of a send round goes round once more at once: what arrived during it woke no one (the loop was
                // busy), yet may complete a call or fill the buffer to half.
                if ((!_buffer.HasBacklog || _drainedNothing) && !_roundJustEnded)
                {
                    await _signal.WaitAsync(UntilNextCycle(), _time, _stopping.Token).ConfigureAwait(false);
                }

                await CycleAsync(shuttingDown: false).ConfigureAwait(false);
            }

            while (!_abort.IsCancellationRequested && (_buffer.Events > 0 || _streams.AnyPending))
            {
                var before = _buffer.Events;
                await CycleAsync(shuttingDown: true).ConfigureAwait(false);
                if (_buffer.Events >= before)
                {
                    // No progress (the endpoint is failing): pause briefly rather than spin until the deadline.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), _abort.Token).ConfigureAwait(false);
                }
            }

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
            SwitchToConsole($"the CloudWatch sender stopped on an unexpected {error.GetType().Name}");
            try
            {
                DrainIntoStreams(_time.GetUtcNow());
                WritePendingToConsole();
            }
#pragma warning disable CA1031 // Whatever is left is counted as undelivered by Dispose; the loop task must not fault.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private async Task ConnectAsync()
    {
        try
        {
            _client = await _clients.CreateAsync(_options, _abort.Token).ConfigureAwait(false);
            var retention = new Dictionary<string, int>(StringComparer.Ordinal);
            if (_options.RetentionDays is { } days)
            {
                retention[_options.LogGroup] = days;
            }

            if (_options.JobLogGroup is { } jobGroup && _options.JobRetentionDays is { } jobDays)
            {
                retention[jobGroup] = jobDays;
            }

            _sender = new StreamSender(_client, new ResourceCreator(_client, retention), _counters, _buffer, BatchLimits.CloudWatch, _store);
        }
        catch (CredentialsUnavailableException error)
        {
            SwitchToConsole(error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            SwitchToConsole($"the CloudWatch Logs client could not be created ({error.GetType().Name})");
        }
    }

    // The flush interval's round, or a drain sooner while events are queued or were drained within the last flush
    // interval: events arriving below the writers' wake-up threshold (a job's few lines) are then drained within the
    // drain interval, while an idle process is not woken for that (its first event waits for the round, as before).
    private TimeSpan UntilNextCycle()
    {
        var now = _time.GetUtcNow();
        var busy = _buffer.Queued > 0 || now - _lastDrained < _options.FlushInterval;
        var next = busy && now + DrainInterval < _nextRound ? now + DrainInterval : _nextRound;
        if (_failures.RetryAt > now && _failures.RetryAt < next && (_fullStreams.Count > 0 || HalfFull()))
        {
            // A backoff held back an early send: it goes as soon as the backoff ends.
            next = _failures.RetryAt;
        }

        return next > now ? next - now : TimeSpan.Zero;
    }

    private async Task CycleAsync(bool shuttingDown)
    {
        _roundJustEnded = false;
        var now = _time.GetUtcNow();
        DrainIntoStreams(now);
        var intervalRound = Interlocked.Exchange(ref _roundRequested, 0) == 1 || shuttingDown || now >= _nextRound;
        if (intervalRound)
        {
            _nextRound = now + _options.FlushInterval;
        }

        if (_consoleOnly || _sender is null)
        {
            WritePendingToConsole();
            return;
        }

        if (shuttingDown || now >= _failures.RetryAt)
        {
            if (intervalRound || HalfFull())
            {
                await SendAsync(_sender, _streams.WithPending(), fullCallsOnly: false).ConfigureAwait(false);
            }
            else if (_fullStreams.Count > 0)
            {
                await SendAsync(_sender, _fullStreams, fullCallsOnly: true).ConfigureAwait(false);
            }
        }

        _drops.Report(now);
        if (intervalRound)
        {
            // Once a flush interval, as before draining was paced apart: a stream's idle rounds are counted in these.
            _streams.Evict(now);
            _counters.PublishActiveStreams(_streams.Names());
        }
    }

    // The buffer's limits count drained events until they are released: at half of either, everything goes out early.
    private bool HalfFull() => _buffer.Events >= _options.MaxBufferedEvents / 2 || _buffer.Bytes >= _options.MaxBufferedBytes / 2;

    private void DrainIntoStreams(DateTimeOffset now)
    {
        var drained = _intake.Drain(now);
        _drainedNothing = drained == 0;
        if (drained > 0)
        {
            _lastDrained = now;
        }

        // On this thread, never a caller's: before the drained events can be put (always), or once an interval.
        var appended = _buffer.Appended;
        if (_spool is not null && appended != _syncedAppends && ((drained > 0 && _spoolSync!.BeforeEachPut) || _spoolSync!.IsDue()))
        {
            _spool.Sync();
            _spoolSync.Synced();
            _syncedAppends = appended;
        }
    }

    // Once a round cut a stream's calls, they read its pending list: the event waits aside until the round ends.
    private void Accept(StreamState stream, in PendingEvent item)
    {
        if (stream.InRound)
        {
            _arrived.Add((stream, item));
            return;
        }

        stream.Pending.Add(item);
        ListIfFull(stream);
    }

    private void ListIfFull(StreamState stream)
    {
        if (!stream.FullCallListed && BatchLimits.CloudWatch.IsFullCall(stream.Pending.Count, stream.Pending.MessageBytes))
        {
            stream.FullCallListed = true;
            _fullStreams.Add(stream);
        }
    }

    private async Task SendAsync(StreamSender sender, List<StreamState> listed, bool fullCallsOnly)
    {
        // The list of full streams grows during the round (drained streams not in it): the round keeps its own copy.
        var streams = fullCallsOnly ? [.. listed] : listed;
        var round = new SendRound(sender, streams, fullCallsOnly, _options.MaxParallelStreams, _time, _abort.Token);
        try
        {
            await DrainWhileAsync(round).ConfigureAwait(false);
        }
        finally
        {
            round.End();
            // Whatever a stream of the round still holds is listed again once more events reach it.
            foreach (var stream in streams)
            {
                stream.FullCallListed = false;
            }

            _fullStreams.RemoveAll(static stream => !stream.FullCallListed);
            MoveArrived();
        }

        _store.Reclaim(_streams.WithPending());
        _roundJustEnded = true;
        var now = _time.GetUtcNow();
        if (round.Deferred is { } deferred)
        {
            _failures.Deferred(deferred, now);
        }

        if (round.Refused is { } refused)
        {
            SwitchToConsole(_failures.Refused(refused, now));
            WritePendingToConsole();
        }
        else if (round.Failure is { } failure)
        {
            _failures.BackOff(failure, now, _buffer.Events);
        }
        else if (!_abort.IsCancellationRequested)
        {
            // A round the deadline cut short proves nothing: the last failure stays for the shutdown report.
            _failures.Succeeded();
        }
    }

    // Drains on every wake-up, drain interval and ended call until the round is over, and hands each freed slot a
    // call cut from what its stream holds by then.
    private async Task DrainWhileAsync(SendRound round)
    {
        round.Dispatch();
        using var roundOver = new CancellationTokenSource();
        var wait = Task.CompletedTask;
        while (!round.IsOver)
        {
            if (wait.IsCompleted)
            {
                wait = _signal.WaitAsync(DrainInterval, _time, roundOver.Token);
            }

            await Task.WhenAny(round.AnyCallEnded, wait).ConfigureAwait(false);
            DrainIntoStreams(_time.GetUtcNow());
            round.Dispatch();
        }

        await roundOver.CancelAsync().ConfigureAwait(false);
        await wait.ConfigureAwait(false);
    }

    private void MoveArrived()
    {
        foreach (ref readonly var arrival in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_arrived))
        {
            arrival.Stream.Pending.Add(arrival.Event);
            ListIfFull(arrival.Stream);
        }

        // Kept for rounds like this one; a round with far fewer arrivals (a burst is over) lets the array go.
        var moved = _arrived.Count;
        _arrived.Clear();
        if (_arrived.Capacity > 2 * moved)
        {
            _arrived.Capacity = moved;
        }
    }

    private void SwitchToConsole(string cause)
    {
        if (_consoleOnly)
        {
            return;
        }

        _consoleOnly = true;
        _output.Warning($"MetaMock.JobLogging: {cause}; logging every level to the console from now on. CloudWatch Logs is not used until the application restarts.");
    }

    private void WritePendingToConsole()
    {
        foreach (var stream in _streams.WithPending())
        {
            // A rare path (CloudWatch given up): each line is decoded once, here.
            stream.Pending.Sort();
            var lines = new List<string>(stream.Pending.Count);
            foreach (ref readonly var item in stream.Pending.AsSpan())
            {
                lines.Add(System.Text.Encoding.UTF8.GetString(_store.Read(item)));
            }

            _output.Events(lines);
            var settled = PendingEvent.Total(stream.Pending.AsSpan());
            stream.Pending.Clear();
            _counters.AddWrittenToConsole((int)settled.Events);
            _buffer.Release(settled);
        }

        _store.Reclaim([]);
    }

    private void ReportUndelivered(bool settleUnanswered)
    {
        // Events whose answer was lost and were not sent again may have arrived: counted apart from those never sent.
        if (settleUnanswered)
        {
            foreach (var stream in _streams.WithPending())
            {
                StreamSender.SettleUnanswered(stream, _counters, _buffer);
            }
        }

        // Whatever is still counted in the buffer (queued, or pending in a stream) never reached CloudWatch.
        var neverSent = _buffer.Events;
        if (neverSent > 0)
        {
            _counters.AddDropped(DropReasons.UndeliveredAtShutdown, neverSent);
            _buffer.Release(neverSent, _buffer.Bytes);
        }

        _failures.ReportShutdown(neverSent, _counters.DroppedFor(DropReasons.InFlightAtShutdown));
    }
}
