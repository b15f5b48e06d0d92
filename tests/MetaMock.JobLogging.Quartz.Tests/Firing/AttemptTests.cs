using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Firing;

/// <summary>Every attempt of a job gets a run id of its own, and keeps the job's other fields.</summary>
public sealed class AttemptTests
{
    private static readonly Dictionary<string, object?> Data = new() { ["job_id"] = "wf-retry", ["user_id"] = "u-1", ["marker"] = "r" };

    [Fact]
    public async Task Refire_attempts_under_one_FireInstanceId_get_distinct_run_ids()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<RefiringJob>("refiring", "att", Data);
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the third attempt to complete");

        var attempts = quartz.Capture.From<RefiringJob>();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, l => Assert.Equal("wf-retry", l.JobId));
        var runIds = attempts.Select(l => l.Job!.TaskRunId!).ToList();
        Assert.Equal(3, runIds.Distinct().Count());

        // The first attempt's run id is the FireInstanceId; the refires extend it, so they still name their firing.
        Assert.Matches("^[0-9]+$", runIds[0]);
        Assert.Equal([runIds[0] + "-refire1", runIds[0] + "-refire2"], runIds.Skip(1));

        // The listener's started line of each attempt carries that attempt's run id, in its context and its text.
        var started = quartz.Capture.Containing("started (run");
        Assert.Equal(runIds, started.Select(l => l.Job!.TaskRunId!));
        Assert.All(started, l => Assert.EndsWith($"(run {l.Job!.TaskRunId})", l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_attempts_get_distinct_run_ids_and_keep_the_job_context()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<FailingJob>("retrying", "att", Data, t => t.WithRetryPolicy(RetryPolicy.Fixed(2, TimeSpan.FromMilliseconds(10))));
        await quartz.WaitForAsync(c => Failures(c).Count == 3, "the first attempt and two retries to fail");

        var attempts = quartz.Capture.From<FailingJob>();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(3, attempts.Select(l => l.Job!.TaskRunId).Distinct().Count());
        Assert.All(attempts, l =>
        {
            Assert.Equal("wf-retry", l.JobId);
            Assert.Equal("u-1", l.User?.UserId);
        });

        // The listener says which failures Quartz will retry, each with that attempt's run id and the real exception.
        var failures = Failures(quartz.Capture);
        Assert.Equal(2, failures.Count(l => l.Message.EndsWith("Quartz scheduled a retry", StringComparison.Ordinal)));
        Assert.All(failures, l =>
        {
            Assert.Equal(LogLevel.Error, l.Level);
            Assert.IsType<InvalidOperationException>(l.Exception);
        });
        Assert.Equal(attempts.Select(l => l.Job!.TaskRunId), failures.Select(l => l.Job!.TaskRunId));

        // Quartz's own error line for each attempt carries that attempt's context too.
        var quartzLines = quartz.Capture.Containing("threw an unhandled Exception");
        Assert.Equal(attempts.Select(l => l.Job!.TaskRunId), quartzLines.Select(l => l.Job!.TaskRunId));
    }

    private static List<CapturedLine> Failures(CapturingLoggerProvider capture) =>
        capture.From<MetaMockJobListener>().Where(l => l.Message.Contains("failed after", StringComparison.Ordinal)).ToList();
}
