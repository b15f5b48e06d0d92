namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// One entered firing context: closes the logger scope, then restores the context that was current before. A struct,
/// because one is made for every firing and only ever held by a <c>using</c>.
/// </summary>
internal readonly struct FiringEntry : IDisposable
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
        // Reverse order of entry; both are safe to dispose twice, so a copy of this struct disposing again is harmless.
        _loggerScope?.Dispose();
        _bookmark?.Dispose();
    }
}
