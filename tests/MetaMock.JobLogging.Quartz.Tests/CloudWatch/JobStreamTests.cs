using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.CloudWatch;

/// <summary>The whole path: a real scheduler, the real provider in production + CloudWatch mode, moto as CloudWatch.</summary>
public sealed class JobStreamTests
{
    [Fact]
    public async Task With_the_CloudWatch_provider_against_moto_a_jobs_lines_land_in_its_jobs_stream()
    {
        using var moto = MotoServer.Start();
        var group = "quartz-" + Guid.NewGuid().ToString("N");
        var jobId = "wf-" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddMetaMockLogging(o => MotoLogging.Configure(o, moto, group)));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "cw-" + Guid.NewGuid().ToString("N"));
            q.UseInMemoryStore();
            q.UseMetaMockJobContext();
        });

        MotoLogging.UseDummyCredentials();
        using var reader = new MotoLogsReader(moto.Endpoint);
        await using (var provider = services.BuildServiceProvider())
        {
            var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();

            // Two firings of two workflows: each workflow's stream must get its own job's lines and nothing of the other's.
            await Fire(scheduler, "resize", jobId, "ours");
            await Fire(scheduler, "other", "wf-other-" + jobId, "theirs");
            await reader.WaitForMessagesAsync(group, "jobs/" + jobId, 4, TimeSpan.FromSeconds(20));
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        // Read after the provider's disposal flushed everything: nothing more arrived, nothing went elsewhere.
        var lines = await reader.MessagesAsync(group, "jobs/" + jobId);
        var prefix = $"[user_id=user-5 job_id={jobId} task=resize run_id=";
        Assert.Equal(4, lines.Count);
        Assert.All(lines, line => Assert.Contains(prefix, line, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[INFO]", StringComparison.Ordinal) && l.Contains("Job cw.resize started", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("sync execute ours", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("sync child ours", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[INFO]", StringComparison.Ordinal) && l.Contains("Job cw.resize completed in", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("theirs", StringComparison.Ordinal));
        Assert.Contains("jobs/wf-other-" + jobId, await reader.StreamsAsync(group));
    }

    private static async Task Fire(IScheduler scheduler, string name, string jobId, string marker)
    {
        var job = JobBuilder.Create<SyncLoggingJob>()
            .WithIdentity(name, "cw")
            .UsingJobData(MetaMockJobDataKeys.JobId, jobId)
            .UsingJobData(MetaMockJobDataKeys.UserId, "user-5")
            .UsingJobData("marker", marker)
            .Build();
        await scheduler.ScheduleJob(job, QuartzHarness.Trigger(job));
    }
}
