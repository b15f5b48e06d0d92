namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// A scoped service that holds a firing's entry until Quartz disposes the firing's DI scope, which is the only end-of-firing
/// signal the job factory gives a <c>ConfigureJobScope</c> callback.
/// </summary>
internal sealed class FiringRestorer : IDisposable
{
    private FiringEntry? _entry;

    // Only when the callback ran more than once in one scope; each entry must then be restored newest first.
    private List<FiringEntry>? _later;

    public void Hold(FiringEntry entry)
    {
        if (_entry is null)
        {
            _entry = entry;
        }
        else
        {
            (_later ??= []).Add(entry);
        }
    }

    public void Dispose()
    {
        for (var i = (_later?.Count ?? 0) - 1; i >= 0; i--)
        {
            _later![i].Dispose();
        }

        _later = null;
        _entry?.Dispose();
        _entry = null;
    }
}
