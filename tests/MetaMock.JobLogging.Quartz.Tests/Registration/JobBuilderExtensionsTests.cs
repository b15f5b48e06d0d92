using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Registration;

public sealed class JobBuilderExtensionsTests
{
    [Fact]
    public async Task A_job_scheduled_inside_a_workflow_logs_with_that_workflows_user_and_job_id()
    {
        await using var quartz = await QuartzHarness.StartAsync();
        IJobDetail job;
        using (MetaMockLogContext.BeginContext(new UserContext("u-77"), new JobContext("wf-parent", "enqueue", "run-1")))
        {
            // As a Hangfire job or an API request would schedule a Quartz job.
            job = JobBuilder.Create<SyncLoggingJob>().WithIdentity("child", "wb").UsingJobData("marker", "c").UsingMetaMockContext().Build();
        }

        await quartz.Scheduler.ScheduleJob(job, QuartzHarness.Trigger(job));
        await quartz.WaitForAsync(c => c.From<SyncLoggingJob>().Count == 2, "the child job's lines");

        Assert.All(quartz.Capture.From<SyncLoggingJob>(), l =>
        {
            Assert.Equal("u-77", l.User?.UserId);
            Assert.Equal("wf-parent", l.JobId);
            Assert.Equal("child", l.Job!.TaskName);
            Assert.NotEqual("run-1", l.Job.TaskRunId);
        });
    }

    [Fact]
    public void Without_an_ambient_context_nothing_is_added_so_the_job_key_applies()
    {
        using var cleared = MetaMockLogContext.BeginContext(null, null);

        var job = JobBuilder.Create<SyncLoggingJob>().WithIdentity("solo", "wb").UsingMetaMockContext().Build();

        Assert.False(job.JobDataMap.ContainsKey(MetaMockJobDataKeys.UserId));
        Assert.False(job.JobDataMap.ContainsKey(MetaMockJobDataKeys.JobId));
    }
}
