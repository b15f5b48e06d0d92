using System.Diagnostics;

namespace MetaMock.JobLogging.Benchmarks.Delivery.Sink;

/// <summary>
/// CloudWatch's stream rules for B7: a put to a stream not yet created is answered ResourceNotFoundException, and
/// CreateLogStream calls beyond a rate per second (CloudWatch's account limit is 50) get a ThrottlingException.
/// </summary>
internal sealed class StreamRules
{
    private readonly HashSet<string> _streams = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly int _createsPerSecond;
    private long _window = -1;
    private int _inWindow;
    private long _throttled;

    public StreamRules(int createsPerSecond) => _createsPerSecond = createsPerSecond;

    public int Created
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>The error type to answer a CreateLogStream with, or null when it is created (or already was).</summary>
    public string? Create(string stream)
    {
        lock (_gate)
        {
            var window = Stopwatch.GetTimestamp() / Stopwatch.Frequency;
            if (window != _window)
            {
                (_window, _inWindow) = (window, 0);
            }

            if (++_inWindow > _createsPerSecond)
            {
                _throttled++;
                return "ThrottlingException";
            }

            return _streams.Add(stream) ? null : "ResourceAlreadyExistsException";
        }
    }

    public bool Exists(string stream)
    {
        lock (_gate)
        {
            return _streams.Contains(stream);
        }
    }
}
