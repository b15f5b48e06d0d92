namespace MetaMock.JobLogging;

/// <summary>
/// Restores the snapshot that was current when it was made. Disposing twice, or out of order, restores
/// that same snapshot again: it never re-applies a later state (Serilog's LogContext bookmark shape).
/// </summary>
internal sealed class ContextBookmark : IDisposable
{
    private readonly LogContextSnapshot? _previous;
    private int _disposed;

    public ContextBookmark(LogContextSnapshot? previous) => _previous = previous;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            MetaMockLogContext.Current = _previous;
        }
    }
}
