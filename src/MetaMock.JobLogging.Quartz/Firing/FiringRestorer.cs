using MetaMock.JobLogging.Quartz.Context;
using Quartz.Extensibility;

namespace MetaMock.JobLogging.Quartz.Firing;

/// <summary>
/// A scoped service that enters a firing's context and holds it until Quartz disposes the firing's DI scope, which is
/// the only end-of-firing signal the job factory gives a <c>ConfigureJobScope</c> callback.
/// </summary>
internal sealed class FiringRestorer : IDisposable
{
    private readonly FiringContextHook _hook;
    private FiringEntry _entry;
    private bool _holding;

    // Only when the callback ran more than once in one scope; each entry must then be restored newest first.
    private List<FiringEntry>? _later;

    // The hook comes by constructor injection: the per-firing callback then resolves one service, not two.
    public FiringRestorer(FiringContextHook hook) => _hook = hook;

    /// <summary>Enters the context of the firing <paramref name="bundle"/> describes, until this scope ends.</summary>
    public void Enter(TriggerFiredBundle bundle)
    {
        var (user, job) = FiringIdentity.FromBundle(bundle);
        Hold(FiringContext.Enter(user, job, _hook.ScopeLogger));
    }

    public void Hold(FiringEntry entry)
    {
        if (!_holding)
        {
            _entry = entry;
            _holding = true;
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
        if (_holding)
        {
            _holding = false;
            _entry.Dispose();
            _entry = default;
        }
    }
}
