namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>One entered firing context: closes the logger scope, then restores the context that was current before.</summary>
internal sealed class FiringEntry : IDisposable
{
    private readonly IDisposable _bookmark;
    private readonly IDisposable? _loggerScope;

    public FiringEntry(IDisposable bookmark, IDisposable? loggerScope)
    {
        _bookmark = bookmark;
        _loggerScope = loggerScope;
    }

    public void Dispose()
    {
        // Reverse order of entry; both are safe to dispose twice.
        _loggerScope?.Dispose();
        _bookmark.Dispose();
    }
}
