using System.Diagnostics;

namespace MetaMock.JobLogging.Benchmarks.Delivery.Sink;

/// <summary>
/// What the sink saw since the last <see cref="Reset"/>: PutLogEvents calls, events and bytes (UTF-8 message bytes plus
/// 26 per event, CloudWatch's measure), calls over the limits, and for latency runs the acknowledgement time of each
/// sequence number. Written by Kestrel's request threads, read by the benchmark.
/// </summary>
internal sealed class SinkRecorder
{
    private readonly Lock _gate = new();
    private long _calls;
    private long _events;
    private long _bytes;
    private long _oversized;
    private long _target = long.MaxValue;
    private long[] _ackTimes = [];
    private TaskCompletionSource _reached = NewSource();

    public long Calls => Interlocked.Read(ref _calls);

    public long Events => Interlocked.Read(ref _events);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Calls over 10,000 events or 1,048,576 bytes: a sender bug, expected 0.</summary>
    public long Oversized => Interlocked.Read(ref _oversized);

    /// <summary>Completes when <see cref="Events"/> reaches the target given to <see cref="Reset"/>.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Stopwatch timestamp at which the event stamped <c>seq=N</c> was acknowledged (0: not seen).</summary>
    public ReadOnlySpan<long> AckTimes => _ackTimes;

    public bool TracksSequences => _ackTimes.Length > 0;

    public void Reset(long targetEvents, int sequences = 0)
    {
        lock (_gate)
        {
            _calls = _events = _bytes = _oversized = 0;
            _ackTimes = new long[sequences];
            _target = targetEvents;
            _reached = NewSource();
        }
    }

    /// <summary>One PutLogEvents call, counted once it is parsed, just before its answer is written.</summary>
    public void RecordCall(int events, long bytes, List<long>? sequences)
    {
        if (events > 10_000 || bytes > 1_048_576)
        {
            Interlocked.Increment(ref _oversized);
        }

        if (sequences is { Count: > 0 })
        {
            var now = Stopwatch.GetTimestamp();
            var acks = _ackTimes;
            foreach (var sequence in sequences)
            {
                if (sequence >= 0 && sequence < acks.Length)
                {
                    acks[sequence] = now;
                }
            }
        }

        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _bytes, bytes);
        if (Interlocked.Add(ref _events, events) >= Interlocked.Read(ref _target))
        {
            _reached.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
