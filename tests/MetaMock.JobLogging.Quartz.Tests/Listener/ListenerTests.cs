using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Listener;

public sealed class ListenerTests
{
    [Fact]
    public async Task A_vetoed_firing_logs_one_warning_with_the_jobs_context()
    {
        await using var quartz = await QuartzHarness.StartAsync(configure: q => q.AddTriggerListener(new VetoingTriggerListener()));

        await quartz.FireAsync<SyncLoggingJob>("vetoed", "lis", new Dictionary<string, object?> { ["job_id"] = "wf-v", ["user_id"] = "u-v" });
        await quartz.WaitForAsync(c => c.Containing("was vetoed").Count == 1, "the veto line");

        var line = Assert.Single(quartz.Capture.From<MetaMockJobListener>());
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("Job lis.vetoed was vetoed and did not run", line.Message);
        Assert.Equal("wf-v", line.JobId);
        Assert.Equal("u-v", line.User?.UserId);
        Assert.Empty(quartz.Capture.From<SyncLoggingJob>());
    }

    [Fact]
    public async Task An_interrupted_job_logs_a_cancelled_warning_with_its_context_instead_of_completed()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        var job = await quartz.FireAsync<WaitingJob>("waiting", "lis", new Dictionary<string, object?> { ["job_id"] = "wf-w" });
        await quartz.WaitForAsync(c => c.Containing("lis.waiting started").Count == 1, "the job to start");
        Assert.True(await quartz.Scheduler.Interrupt(job.Key));
        await quartz.WaitForAsync(c => c.From<MetaMockJobListener>().Count == 2, "the listener's cancelled line");

        var line = quartz.Capture.From<MetaMockJobListener>()[1];
        Assert.StartsWith("Job lis.waiting was cancelled after ", line.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("wf-w", line.JobId);
        Assert.Empty(quartz.Capture.Containing("lis.waiting completed"));
    }

    [Fact]
    public async Task The_listener_alone_writes_its_lines_with_the_context_but_cannot_reach_inside_Execute()
    {
        // Registered on its own (no UseMetaMockJobContext): what FACTS.md found, kept as a guard for the docs' advice.
        await using var quartz = await QuartzHarness.StartAsync(
            useMetaMock: false,
            configure: q => q.AddJobListener(sp => new MetaMockJobListener(sp.GetRequiredService<ILoggerFactory>())));

        await quartz.FireAsync<SyncLoggingJob>("alone", "lis", new Dictionary<string, object?> { ["job_id"] = "wf-alone", ["marker"] = "a" });
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the completed line");

        Assert.All(quartz.Capture.From<MetaMockJobListener>(), l => Assert.Equal("wf-alone", l.JobId));
        Assert.All(quartz.Capture.From<SyncLoggingJob>(), l => Assert.Null(l.JobId));
    }

    [Fact]
    public async Task A_JobExecutionException_the_job_threw_itself_is_reported_as_is()
    {
        var thrown = new JobExecutionException("declined by the job");

        var cause = MetaMock.JobLogging.Quartz.Listener.FailureCause.Unwrap(thrown);

        Assert.Same(thrown, cause);
    }

    private sealed class VetoingTriggerListener : ITriggerListener
    {
        public string Name => "veto-all";

        public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => new(true);

        public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => default;

        public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => default;

        public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) => default;

        public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => default;
    }
}
