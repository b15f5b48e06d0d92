using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Firing;

/// <summary>Each firing gets exactly its own context: nothing from the starter, the previous firing or a neighbour.</summary>
public sealed class IsolationTests
{
    [Fact]
    public async Task Nothing_leaks_from_one_firing_into_the_next_on_a_one_thread_pool()
    {
        await using var quartz = await QuartzHarness.StartAsync(threads: 1);

        // The first job runs with a user and sets another one itself without cleaning up.
        await quartz.FireAsync<ContextLeakingJob>("leaky", "iso", new Dictionary<string, object?> { ["user_id"] = "user-a", ["job_id"] = "wf-a" });
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the leaking job to complete");
        await quartz.FireAsync<SyncLoggingJob>("next", "iso", new Dictionary<string, object?> { ["marker"] = "after" });
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 2, "the next job to complete");

        var leaked = Assert.Single(quartz.Capture.From<ContextLeakingJob>());
        Assert.Equal("leaked-user", leaked.User?.UserId);

        // A synchronous Execute's change does not even reach the listener's line after it, let alone the next firing.
        var leakyCompleted = Assert.Single(quartz.Capture.Containing("iso.leaky completed"));
        Assert.Equal("user-a", leakyCompleted.User?.UserId);
        var nextLines = quartz.Capture.Lines.Where(l => l.Message.Contains("iso.next", StringComparison.Ordinal) || l.Message.Contains("after", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, nextLines.Count);
        Assert.All(nextLines, l =>
        {
            Assert.Null(l.User);
            Assert.Equal("iso.next", l.JobId);
        });
    }

    [Fact]
    public async Task The_context_of_the_code_that_started_the_scheduler_is_overwritten_in_every_firing()
    {
        QuartzHarness quartz;
        using (MetaMockLogContext.BeginContext(new UserContext("starter-user"), new JobContext("starter-job", "startup", "starter-run")))
        {
            // Started inside the context: Quartz's threads inherit it, as they would from a host's startup code.
            quartz = await QuartzHarness.StartAsync(threads: 2);
        }

        await using (quartz)
        {
            await quartz.FireAsync<AsyncLoggingJob>("plain", "boot", new Dictionary<string, object?> { ["marker"] = "p" });
            await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the job to complete");

            var firingLines = quartz.Capture.From<AsyncLoggingJob>().Concat(quartz.Capture.From<MetaMockJobListener>()).ToList();
            Assert.Equal(6, firingLines.Count);
            Assert.All(firingLines, l =>
            {
                Assert.Null(l.User);
                Assert.Equal("boot.plain", l.JobId);
                Assert.Equal("plain", l.Job!.TaskName);
                Assert.NotEqual("starter-run", l.Job.TaskRunId);
            });

            // The scheduler's own start-up lines did carry the starter's context: the test really exercised the inheritance.
            Assert.Contains(quartz.Capture.Lines, l => l.JobId == "starter-job");
        }
    }

    [Fact]
    public async Task Five_hundred_concurrent_firings_on_eight_threads_log_no_foreign_job_id()
    {
        const int Firings = 500;
        await using var quartz = await QuartzHarness.StartAsync(threads: 8);

        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        for (var i = 0; i < Firings; i++)
        {
            var job = JobBuilder.Create<AsyncLoggingJob>()
                .WithIdentity($"j{i}", "load")
                .UsingJobData("job_id", $"wf-{i}")
                .UsingJobData("user_id", $"u-{i}")
                .UsingJobData("marker", $"<{i}>")
                .Build();
            jobs[job] = [QuartzHarness.Trigger(job)];
        }

        await quartz.Scheduler.ScheduleJobs(jobs);
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == Firings, "all firings to complete", timeoutSeconds: 60);

        var jobLines = quartz.Capture.From<AsyncLoggingJob>();
        Assert.Equal(Firings * 4, jobLines.Count);
        var foreign = jobLines.Where(l =>
        {
            var index = l.Message[(l.Message.LastIndexOf('<') + 1)..^1];
            return l.JobId != $"wf-{index}" || l.User?.UserId != $"u-{index}";
        }).ToList();
        Assert.Empty(foreign);

        // The listener's lines too: each names its job key, and must carry that job's workflow id.
        var listenerLines = quartz.Capture.From<MetaMockJobListener>();
        Assert.Equal(Firings * 2, listenerLines.Count);
        Assert.All(listenerLines, l => Assert.Contains($"load.j{l.JobId!["wf-".Length..]} ", l.Message, StringComparison.Ordinal));

        // Every firing had a run id of its own.
        Assert.Equal(Firings, jobLines.Select(l => l.Job!.TaskRunId).Distinct().Count());
    }
}
