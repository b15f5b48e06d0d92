using System.Collections.Immutable;

namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>
/// The bounded cache of known streams (the spec's never-emptied <c>_job_handlers</c>, done so it can't grow forever):
/// a stream with nothing pending is evicted once idle, or oldest first when there are too many. An evicted stream
/// that comes back is simply created again (CloudWatch answers "already exists").
/// </summary>
internal sealed class StreamTable
{
    private readonly Dictionary<StreamAddress, StreamState> _streams = [];
    private readonly TimeSpan _idleTimeout;
    private readonly int _maxStreams;

    public StreamTable(TimeSpan idleTimeout, int maxStreams)
    {
        _idleTimeout = idleTimeout;
        _maxStreams = maxStreams;
    }

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

    public List<StreamState> WithPending() => _streams.Values.Where(s => s.Pending.Count > 0).ToList();

    public bool AnyPending => _streams.Values.Any(s => s.Pending.Count > 0);

    public ImmutableArray<string> Names() => [.. _streams.Keys.Select(k => k.Stream).Order(StringComparer.Ordinal)];

    public void Evict(DateTimeOffset now)
    {
        var idle = _streams.Values.Where(s => s.Pending.Count == 0).OrderBy(s => s.LastUsed).ToList();
        foreach (var state in idle)
        {
            state.Pending.TrimIfIdle();
        }

        var excess = _streams.Count - _maxStreams;
        var removed = 0;
        foreach (var state in idle)
        {
            if (excess > 0 || now - state.LastUsed >= _idleTimeout)
            {
                _streams.Remove(state.Address);
                excess--;
                removed++;
            }
        }

        if (removed > _streams.Count)
        {
            // A burst of many jobs grew the table's arrays; a dictionary never shrinks them by itself.
            _streams.TrimExcess();
        }
    }
}
