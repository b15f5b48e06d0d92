using Hangfire;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests.Jobs;

/// <summary>Jobs without an attribute of their own: they get the context from the global filter only.</summary>
public sealed class ContextJobs(JobProbe probe)
{
    public void Sync(string marker) => probe.Logger.LogInformation("sync {Marker}", marker);

    public async Task Async(string marker)
    {
        probe.Logger.LogInformation("before await {Marker}", marker);
        await Task.Delay(1);
        probe.Logger.LogInformation("after await {Marker}", marker);
        await Task.Run(() => probe.Logger.LogInformation("in Task.Run {Marker}", marker));
    }

    public void Fail(string marker)
    {
        probe.Logger.LogInformation("about to fail {Marker}", marker);
        throw new InvalidOperationException($"boom {marker}");
    }

    /// <summary>Fails the first <paramref name="failures"/> attempts, then succeeds.</summary>
    public void FailTimes(string marker, int failures)
    {
        var attempt = probe.Attempts.AddOrUpdate(marker, 1, (_, n) => n + 1);
        probe.Logger.LogInformation("attempt {Attempt} {Marker}", attempt, marker);
        if (attempt <= failures)
        {
            throw new TimeoutException($"flaky {marker} #{attempt}");
        }
    }

    /// <summary>Enqueues a child and a continuation of that child from inside the running job.</summary>
    public void Parent(string marker)
    {
        probe.Logger.LogInformation("parent {Marker}", marker);
        var child = probe.Client.Enqueue<ContextJobs>(j => j.Sync(marker + " child"));
        probe.Client.ContinueJobWith<ContextJobs>(child, j => j.Sync(marker + " continuation"));
    }

    public void WaitForShutdown(string marker, CancellationToken cancellationToken)
    {
        probe.Logger.LogInformation("waiting {Marker}", marker);
        cancellationToken.WaitHandle.WaitOne();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
