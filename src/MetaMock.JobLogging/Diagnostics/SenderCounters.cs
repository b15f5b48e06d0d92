using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace MetaMock.JobLogging.Diagnostics;

/// <summary>
/// The sender's counters, kept once and seen twice: through <see cref="MetaMockLoggingDiagnostics"/> and through the
/// <c>MetaMock.JobLogging</c> meter (dotnet-counters, OpenTelemetry). Written by the log call (drops, placeholders) and the
/// background loop; read from anywhere.
/// </summary>
internal sealed class SenderCounters : IDisposable
{
    public const string MeterName = "MetaMock.JobLogging";

    // One box per reason (a handful), so counting a drop is one interlocked add with no allocation.
    private readonly ConcurrentDictionary<string, StrongBox<long>> _dropped = new(StringComparer.Ordinal);
    private readonly Meter _meter;
    private readonly Counter<long> _sentCounter;
    private readonly Counter<long> _droppedCounter;
    private readonly Counter<long> _consoleCounter;
    private readonly Counter<long> _placeholderCounter;
    private readonly Counter<long> _duplicatesCounter;
    private long _sent;
    private long _possibleDuplicates;
    private long _writtenToConsole;
    private long _placeholders;
    private long _replayed;
    private long _leftInSpool;
    private ErrorRecord? _lastError;
    private Func<(long Events, long Bytes)> _queued = static () => (0, 0);
    private Action _requestRound = static () => { };
    private Func<Task> _progressed = static () => Task.CompletedTask;
    private ImmutableArray<string> _activeStreams = [];
    private Func<MemoryFootprint> _footprint = static () => default;

    public SenderCounters()
    {
        _meter = new Meter(MeterName);
        _sentCounter = _meter.CreateCounter<long>("metamock.logging.events.sent", "{event}", "Events delivered to CloudWatch Logs.");
        _droppedCounter = _meter.CreateCounter<long>("metamock.logging.events.dropped", "{event}", "Events that never reached CloudWatch Logs, by reason.");
        _consoleCounter = _meter.CreateCounter<long>("metamock.logging.events.console_fallback", "{event}", "Events written to the console after CloudWatch was given up.");
        _placeholderCounter = _meter.CreateCounter<long>("metamock.logging.placeholders", "{placeholder}", "Placeholders written where a value, message formatter or exception text threw.");
        _duplicatesCounter = _meter.CreateCounter<long>("metamock.logging.events.possible_duplicates", "{event}", "Events sent again after a put whose answer was lost: CloudWatch may hold them twice.");
        _meter.CreateObservableGauge("metamock.logging.queue.events", () => _queued().Events, "{event}", "Events buffered for CloudWatch, including those being retried.");
        _meter.CreateObservableGauge("metamock.logging.queue.bytes", () => _queued().Bytes, "By", "Buffer bytes those events hold.");
        _meter.CreateObservableGauge("metamock.logging.streams.active", () => _activeStreams.Length, "{stream}", "Streams the sender currently knows.");
    }

    public long Sent => Interlocked.Read(ref _sent);

    public long WrittenToConsole => Interlocked.Read(ref _writtenToConsole);

    public long Placeholders => Interlocked.Read(ref _placeholders);
    public long PossibleDuplicates => Interlocked.Read(ref _possibleDuplicates);

    /// <summary>Events a dead process left in the spool, read again to be sent (they were logged before this process).</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>Events the shutdown could not deliver that stay in the spool for the next process: not lost, not dropped.</summary>
    public long LeftInSpool => Interlocked.Read(ref _leftInSpool);

    public (long Events, long Bytes) Queued => _queued();

    public IReadOnlyList<string> ActiveStreams => _activeStreams;

    /// <summary>What the CloudWatch path holds in memory now (all zero without it).</summary>
    public MemoryFootprint Footprint => _footprint();

    public ErrorRecord? LastError => Volatile.Read(ref _lastError);

    public IReadOnlyDictionary<string, long> Dropped =>
        _dropped.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    public long DroppedFor(string reason) => _dropped.TryGetValue(reason, out var box) ? Interlocked.Read(ref box.Value) : 0;

    public long TotalDropped => _dropped.Values.Sum(box => Interlocked.Read(ref box.Value));

    /// <summary>
    /// Events that left the buffer for good: sent, written to the console, or dropped after they were accepted (a
    /// refused write, buffer_full or after_dispose, never entered it).
    /// </summary>
    public long Settled =>
        Sent + WrittenToConsole + TotalDropped - DroppedFor(DropReasons.BufferFull) - DroppedFor(DropReasons.AfterDispose);

    public void AttachQueue(Func<(long Events, long Bytes)> queued, Action requestRound, Func<Task> progressed)
    {
        _queued = queued;
        _requestRound = requestRound;
        _progressed = progressed;
    }

    public void AttachFootprint(Func<MemoryFootprint> footprint) => _footprint = footprint;

    /// <summary>Asks the sender for a send round now (a flush).</summary>
    public void RequestRound() => _requestRound();

    /// <summary>Completes when the sender next may have settled events (a cycle or a call ended).</summary>
    public Task NextProgress() => _progressed();

    public void PublishActiveStreams(ImmutableArray<string> streams) => _activeStreams = streams;

    public void AddSent(int events)
    {
        if (events > 0)
        {
            Interlocked.Add(ref _sent, events);
            _sentCounter.Add(events);
        }
    }

    public void AddWrittenToConsole(int events)
    {
        if (events > 0)
        {
            Interlocked.Add(ref _writtenToConsole, events);
            _consoleCounter.Add(events);
        }
    }

    public void AddReplayed(long events) => Interlocked.Add(ref _replayed, events);

    public void AddLeftInSpool(long events) => Interlocked.Add(ref _leftInSpool, events);

    public void AddPlaceholders(int placeholders)
    {
        Interlocked.Add(ref _placeholders, placeholders);
        _placeholderCounter.Add(placeholders);
    }

    public void AddPossibleDuplicates(long events)
    {
        if (events > 0)
        {
            Interlocked.Add(ref _possibleDuplicates, events);
            _duplicatesCounter.Add(events);
        }
    }

    public void AddDropped(string reason, long events)
    {
        if (events > 0)
        {
            Interlocked.Add(ref _dropped.GetOrAdd(reason, static _ => new StrongBox<long>()).Value, events);
            _droppedCounter.Add(events, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void RecordError(string description, DateTimeOffset time) => Volatile.Write(ref _lastError, new ErrorRecord(description, time));

    public void Dispose() => _meter.Dispose();

    /// <summary>The last error as the view shows it: a description that never holds a key or token.</summary>
    internal sealed record ErrorRecord(string Description, DateTimeOffset Time);
}
