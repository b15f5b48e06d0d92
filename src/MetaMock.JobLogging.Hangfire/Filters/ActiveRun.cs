using MetaMock.JobLogging.Hangfire.Identity;

namespace MetaMock.JobLogging.Hangfire.Filters;

/// <summary>
/// What <c>OnPerforming</c> leaves in the job's <c>Items</c> for <c>OnPerformed</c>: who opened it, the identity,
/// and the two things to undo. Its presence also tells a second MetaMock filter on the same job to stand down.
/// </summary>
internal sealed class ActiveRun : IDisposable
{
    public const string ItemKey = "MetaMock.JobLogging.Hangfire.ActiveRun";

    private readonly IDisposable _contextBookmark;
    private readonly IDisposable? _scope;

    public ActiveRun(JobContextEngine owner, JobIdentity identity, IDisposable contextBookmark, IDisposable? scope)
    {
        Owner = owner;
        Identity = identity;
        _contextBookmark = contextBookmark;
        _scope = scope;
    }

    public JobContextEngine Owner { get; }

    public JobIdentity Identity { get; }

    /// <summary>Closes the scope, then restores the context the worker had before the job.</summary>
    public void Dispose()
    {
        try
        {
            _scope?.Dispose();
        }
        finally
        {
            _contextBookmark.Dispose();
        }
    }
}
