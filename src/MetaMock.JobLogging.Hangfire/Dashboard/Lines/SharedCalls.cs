using System.Collections.Concurrent;

namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>
/// One call per question at a time: tabs polling the same job from the same token while a read is in flight wait for
/// that read instead of making their own.
/// </summary>
internal sealed class SharedCalls
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LinesPage>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<LinesPage> RunAsync(string key, Func<Task<LinesPage>> call)
    {
        var shared = _inFlight.GetOrAdd(key, _ => new Lazy<Task<LinesPage>>(call));
        try
        {
            return await shared.Value.ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<LinesPage>>>(key, shared));
        }
    }
}
