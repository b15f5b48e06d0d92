using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>A job that takes a scoped service, so the test can see when Quartz disposes the firing's DI scope.</summary>
public sealed class ScopedProbeJob(ScopeDisposalProbe probe) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        probe.Touch();
        return default;
    }
}

/// <summary>Registered scoped: counts how many firing scopes were disposed.</summary>
public sealed class ScopeDisposalProbe : IDisposable
{
    private static int _disposed;

    public static int Disposed => Volatile.Read(ref _disposed);

    public void Touch()
    {
    }

    public void Dispose() => Interlocked.Increment(ref _disposed);
}
