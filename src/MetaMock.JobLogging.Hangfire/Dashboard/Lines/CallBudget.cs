namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>
/// At most N CloudWatch calls per second for the whole process, whatever the number of open pages: GetLogEvents has a
/// low account-wide quota that the workers' own tools share. Above it the panel is told to retry after the window.
/// </summary>
internal sealed class CallBudget
{
    private readonly int _perSecond;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long _window;
    private int _used;

    public CallBudget(int perSecond, TimeProvider time)
    {
        _perSecond = Math.Max(1, perSecond);
        _time = time;
    }

    /// <summary>Takes one call from this second's budget; false (and how long until the next second) when it is spent.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (now / 1000 != _window)
            {
                _window = now / 1000;
                _used = 0;
            }

            retryAfter = TimeSpan.FromMilliseconds(1000 - (now % 1000));
            if (_used >= _perSecond)
            {
                return false;
            }

            _used++;
            return true;
        }
    }
}
