using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Context;

/// <summary>How a firing's JobDataMap and key become job_id, user_id and task_name.</summary>
public sealed class FiringIdentityTests
{
    [Fact]
    public async Task Without_job_data_the_job_key_names_the_job_and_the_task()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<SyncLoggingJob>("thumbnails", "media", new Dictionary<string, object?> { ["marker"] = "k" });
        await quartz.WaitForAsync(c => c.From<SyncLoggingJob>().Count == 2, "the job's lines");

        var line = quartz.Capture.From<SyncLoggingJob>()[0];
        Assert.Null(line.User);
        Assert.Equal("media.thumbnails", line.JobId);
        Assert.Equal("thumbnails", line.Job!.TaskName);
    }

    [Fact]
    public async Task A_numeric_user_id_is_printed_in_invariant_culture_and_blank_values_fall_back_to_the_key()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<SyncLoggingJob>("blank", "sem", new Dictionary<string, object?>
        {
            ["user_id"] = 1234567L,
            ["job_id"] = "   ",
            ["task_name"] = string.Empty,
            ["marker"] = "b",
        });
        await quartz.WaitForAsync(c => c.From<SyncLoggingJob>().Count == 2, "the job's lines");

        var line = quartz.Capture.From<SyncLoggingJob>()[0];
        Assert.Equal("1234567", line.User?.UserId);
        Assert.Equal("sem.blank", line.JobId);
        Assert.Equal("blank", line.Job!.TaskName);
    }

    [Fact]
    public async Task Data_given_when_the_job_is_triggered_wins_over_the_jobs_stored_data()
    {
        await using var quartz = await QuartzHarness.StartAsync();
        var job = JobBuilder.Create<SyncLoggingJob>()
            .WithIdentity("stored", "sem")
            .UsingJobData("job_id", "wf-stored")
            .UsingJobData("user_id", "stored-user")
            .UsingJobData("marker", "t")
            .StoreDurably()
            .Build();
        await quartz.Scheduler.AddJob(job);

        await quartz.Scheduler.TriggerJob(job.Key, new JobDataMap { ["job_id"] = "wf-now", ["task_name"] = "adhoc" });
        await quartz.WaitForAsync(c => c.From<SyncLoggingJob>().Count == 2, "the job's lines");

        var line = quartz.Capture.From<SyncLoggingJob>()[0];
        Assert.Equal("wf-now", line.JobId);
        Assert.Equal("adhoc", line.Job!.TaskName);
        Assert.Equal("stored-user", line.User?.UserId);
    }
}
