using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Fleet.Worker;

/// <summary>
/// The steps of a workflow, each pinned to a queue only some workers read, so parent, children, continuation and retry
/// run on different processes. Every line names the worker that wrote it.
/// </summary>
public sealed class FleetJobs(ILogger<FleetJobs> logger, IBackgroundJobClient client, WorkerIdentity worker)
{
    /// <summary>The job parameter the stalling step marks its first run with.</summary>
    public const string StalledBy = "Fleet.StalledBy";

    /// <summary>On w1: a child on w2, one on w3, a continuation of the first on w3, and a step that fails once on w1.</summary>
    public void Parent(string marker)
    {
        logger.LogInformation("parent {Marker} on {Worker}", marker, worker.Name);
        var first = client.Create<FleetJobs>(j => j.Child(marker, 1), new EnqueuedState("w2"));
        client.Create<FleetJobs>(j => j.Child(marker, 2), new EnqueuedState("w3"));
        client.ContinueJobWith<FleetJobs>(first, j => j.Continuation(marker), new EnqueuedState("w3"));
        client.Create<FleetJobs>(j => j.FailOnce(marker, null!), new EnqueuedState("w1"));
    }

    /// <summary>One child step.</summary>
    public void Child(string marker, int number) =>
        logger.LogInformation("child {Number} {Marker} on {Worker}", number, marker, worker.Name);

    /// <summary>Runs after child 1.</summary>
    public void Continuation(string marker) =>
        logger.LogInformation("continuation {Marker} on {Worker}", marker, worker.Name);

    /// <summary>
    /// Fails its first attempt (on w1, the only reader of that queue); the retry is enqueued on the default queue, which
    /// w1 does not read, so it runs on another worker.
    /// </summary>
    public void FailOnce(string marker, PerformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var retry = context.GetJobParameter<int>("RetryCount");
        logger.LogInformation("attempt {Attempt} {Marker} on {Worker}", retry + 1, marker, worker.Name);
        if (retry == 0)
        {
            throw new InvalidOperationException($"first attempt of {marker} fails");
        }
    }

    /// <summary>On w1: a step on the default queue that stalls on its first run, then a continuation of it on w1.</summary>
    public void StallingWorkflow(string marker)
    {
        logger.LogInformation("parent {Marker} on {Worker}", marker, worker.Name);
        var stalling = client.Create<FleetJobs>(j => j.StallOnFirstRun(marker, null!, CancellationToken.None), new EnqueuedState("default"));
        client.ContinueJobWith<FleetJobs>(stalling, j => j.Continuation(marker), new EnqueuedState("w1"));
    }

    /// <summary>The first run marks the job and waits (until its worker is killed); a later run finishes.</summary>
    public void StallOnFirstRun(string marker, PerformContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetJobParameter<string?>(StalledBy) is { } stalledBy)
        {
            logger.LogInformation("resumed {Marker} on {Worker} after {StalledBy}", marker, worker.Name, stalledBy);
            return;
        }

        context.SetJobParameter(StalledBy, worker.Name);
        logger.LogInformation("stalling {Marker} on {Worker}", marker, worker.Name);
        // Said on stdout once the log call has returned: the test kills the worker at once, before the line's flush.
        Console.WriteLine($"stalling {marker}");
        cancellation.WaitHandle.WaitOne();
        cancellation.ThrowIfCancellationRequested();
    }
}
