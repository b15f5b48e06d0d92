namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

/// <summary>What a full, blocking garbage collection leaves alive: for tests that memory is not held.</summary>
internal static class Reachability
{
    public static int CountAliveAfterFullCollection(IReadOnlyCollection<WeakReference> references)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return references.Count(r => r.IsAlive);
    }
}
