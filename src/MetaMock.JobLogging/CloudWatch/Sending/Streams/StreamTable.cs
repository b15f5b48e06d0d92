using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Streams;

/// <summary>
/// The bounded cache of known streams (the original Python design's never-emptied <c>_job_handlers</c>, done so it can't grow forever):
/// a stream with nothing pending is evicted once idle, or oldest first when there are too many. An evicted stream
/// that comes back is simply created again (CloudWatch answers "already exists").
/// </summary>
/// <remarks>
/// Plain loops rather than LINQ: with thousands of streams a round, LINQ's sorting and ToList borrow large arrays
/// from the shared pools, which keep them per thread and per core; that alone was most of the growth of the idle heap
/// from 1,000 to 100,000 jobs (benchmark B4).
/// </remarks>
internal sealed class StreamTable
{
    private readonly Dictionary<StreamAddress, StreamState> _streams = [];
    private readonly TimeSpan _idleTimeout;
    private readonly int _maxStreams;

    // The loop's scratch list for eviction, reused every round.
    private readonly List<StreamState> _idle = [];

    // What the last WithPending counted, for diagnostics.
    private int _streamsWithEvents;
    private int _pendingEvents;
    private long _pendingArrayBytes;

    public StreamTable(TimeSpan idleTimeout, int maxStreams)
    {
        _idleTimeout = idleTimeout;
        _maxStreams = maxStreams;
    }

    /// <summary>Streams held (read from any thread for diagnostics: one field read).</summary>
    public int Count => _streams.Count;

    public StreamState Get(StreamAddress address, DateTimeOffset now)
    {
        if (!_streams.TryGetValue(address, out var state))
        {
            state = new StreamState(address);
            _streams[address] = state;
        }

        state.LastUsed = now;
        return state;
    }

    /// <summary>
    /// A new list (a send round holds it while the loop goes on) of the streams with pending events. The same pass counts
    /// what the pending lists hold, for <see cref="Pending"/>: the loop lists them before a full round and after every round.
    /// </summary>
    public List<StreamState> WithPending()
    {
        var pending = new List<StreamState>();
        var (events, slots) = (0, 0L);
        foreach (var state in _streams.Values)
        {
            slots += state.Pending.Capacity;
            if (state.Pending.Count > 0)
            {
                pending.Add(state);
                events += state.Pending.Count;
            }
        }

        Volatile.Write(ref _streamsWithEvents, pending.Count);
        Volatile.Write(ref _pendingEvents, events);
        Volatile.Write(ref _pendingArrayBytes, slots * Unsafe.SizeOf<PendingEvent>());
        return pending;
    }

    public bool AnyPending
    {
        get
        {
            foreach (var state in _streams.Values)
            {
                if (state.Pending.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// What the pending lists held when the loop last listed them (<see cref="WithPending"/>); read from any thread. The
    /// three figures are separate plain fields: a reader may mix two listings' counts, which diagnostics can live with.
    /// </summary>
    public PendingFootprint Pending => new(Volatile.Read(ref _streamsWithEvents), Volatile.Read(ref _pendingEvents), Volatile.Read(ref _pendingArrayBytes));

    public ImmutableArray<string> Names()
    {
        var names = new string[_streams.Count];
        var i = 0;
        foreach (var address in _streams.Keys)
        {
            names[i++] = address.Stream;
        }

        Array.Sort(names, StringComparer.Ordinal);
        return ImmutableCollectionsMarshal.AsImmutableArray(names);
    }

    /// <summary>
    /// Once a flush interval: forgets the streams with nothing pending that stayed idle past the timeout, and the least
    /// recently used beyond the cap.
    /// </summary>
    public void Evict(DateTimeOffset now) => Evict(now, byIdleTime: true);

    /// <summary>
    /// After every send round: forgets the least recently used streams with nothing pending beyond the cap. A job's
    /// stream is usually done once its lines are sent; held until the next flush interval, a burst of short jobs would
    /// keep thousands of them (and their pending arrays) alive long enough to reach the oldest generation.
    /// </summary>
    public void TrimToCap(DateTimeOffset now)
    {
        if (_streams.Count > _maxStreams)
        {
            Evict(now, byIdleTime: false);
        }
    }

    private void Evict(DateTimeOffset now, bool byIdleTime)
    {
        var idle = _idle;
        idle.Clear();
        foreach (var state in _streams.Values)
        {
            if (state.Pending.Count == 0)
            {
                if (byIdleTime)
                {
                    // Counted in flush intervals: a stream busy every interval keeps its array.
                    state.Pending.TrimIfIdle();
                }

                idle.Add(state);
            }
        }

        // Oldest first, so the excess over the cap is taken from the longest idle.
        idle.Sort(static (a, b) => a.LastUsed.CompareTo(b.LastUsed));
        var excess = _streams.Count - _maxStreams;
        var removed = 0;
        foreach (var state in idle)
        {
            if (excess > 0 || (byIdleTime && now - state.LastUsed >= _idleTimeout))
            {
                _streams.Remove(state.Address);
                // A pooled array goes back to the pool for the next job's stream rather than to the garbage collector.
                state.Pending.Clear();
                excess--;
                removed++;
            }
            else if (!byIdleTime)
            {
                break;
            }
        }

        if (removed > _streams.Count)
        {
            // A burst of many jobs grew the table's arrays; a dictionary never shrinks them by itself.
            _streams.TrimExcess();
        }

        idle.Clear();
        if (idle.Capacity > 4 * _maxStreams)
        {
            idle.Capacity = _maxStreams;
        }
    }
}
