namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// A scoped service that holds a firing's entry until Quartz disposes the firing's DI scope, which is the only end-of-firing
/// signal the job factory gives a <c>ConfigureJobScope</c> callback.
/// </summary>
internal sealed class FiringRestorer : IDisposable
{
    private FiringEntry? _entry;

    public void Hold(FiringEntry entry)
    {
        // A second hold in one scope would mean the callback ran twice: keep both restorable, newest first.
        _entry?.Dispose();
        _entry = entry;
    }

    public void Dispose()
    {
        _entry?.Dispose();
        _entry = null;
    }
}
