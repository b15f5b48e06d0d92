using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Quartz.Tests.Firing;

/// <summary>The three places the issue names: inside Execute, in the listener's lines, and in Quartz's own error line.</summary>
public sealed class ContextCoverageTests
{
    private static readonly Dictionary<string, object?> WorkflowData = new()
    {
        ["job_id"] = "wf-17",
        ["user_id"] = "user-9",
        ["task_name"] = "resize",
        ["marker"] = "m1",
    };

    [Fact]
    public async Task A_sync_job_sees_its_context_in_Execute_and_in_a_TaskRun_child()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<SyncLoggingJob>("sync", "cov", WorkflowData);
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the sync job to complete");

        var jobLines = quartz.Capture.From<SyncLoggingJob>();
        Assert.Equal(2, jobLines.Count);
        Assert.All(jobLines, AssertWorkflowContext);
    }

    [Fact]
    public async Task An_async_job_keeps_its_context_across_awaits_and_in_TaskRun_children()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<AsyncLoggingJob>("async", "cov", WorkflowData);
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the async job to complete");

        var jobLines = quartz.Capture.From<AsyncLoggingJob>();
        Assert.Equal(4, jobLines.Count);
        Assert.All(jobLines, AssertWorkflowContext);
    }

    [Fact]
    public async Task The_listener_writes_started_and_completed_lines_with_the_job_context_and_duration()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        var job = await quartz.FireAsync<AsyncLoggingJob>("timed", "cov", WorkflowData);
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the completed line");

        var listenerLines = quartz.Capture.From<MetaMockJobListener>();
        Assert.Equal(["Started", "Completed"], listenerLines.Select(l => l.Message.Contains("started", StringComparison.Ordinal) ? "Started" : "Completed"));
        Assert.All(listenerLines, l => Assert.Equal(LogLevel.Information, l.Level));
        Assert.All(listenerLines, AssertWorkflowContext);
        Assert.Matches(@"^Job cov\.timed completed in \d+(\.\d)? ms$", listenerLines[1].Message);
        Assert.Contains(job.Key.ToString(), listenerLines[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_job_its_own_line_the_listener_error_and_Quartz_error_line_all_carry_its_context()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<FailingJob>("failing", "cov", WorkflowData);
        await quartz.WaitForAsync(c => c.Containing("failed after").Count == 1, "the listener's failure line");

        var own = Assert.Single(quartz.Capture.Containing("about to fail m1"));
        var quartzLine = Assert.Single(quartz.Capture.Containing("threw an unhandled Exception"));
        var listenerLine = Assert.Single(quartz.Capture.Containing("failed after"));
        Assert.StartsWith("Quartz.", quartzLine.Category, StringComparison.Ordinal);
        Assert.All([own, quartzLine, listenerLine], AssertWorkflowContext);

        // The listener reports what the job threw, not Quartz's JobExecutionException wrapper around it.
        Assert.Equal(LogLevel.Error, listenerLine.Level);
        var thrown = Assert.IsType<InvalidOperationException>(listenerLine.Exception);
        Assert.Equal("boom m1", thrown.Message);
    }

    [Fact]
    public async Task Every_firing_opens_a_logger_scope_with_the_four_context_fields()
    {
        await using var quartz = await QuartzHarness.StartAsync();

        await quartz.FireAsync<AsyncLoggingJob>("scoped", "cov", WorkflowData);
        await quartz.WaitForAsync(c => c.Containing("async done").Count == 1, "the async job's last line");

        var line = Assert.Single(quartz.Capture.Containing("async child"));
        Assert.Equal("user-9", line.Scope("user_id"));
        Assert.Equal("wf-17", line.Scope("job_id"));
        Assert.Equal("resize", line.Scope("task_name"));
        Assert.Equal(line.Job!.TaskRunId, line.Scope("task_run_id"));
    }

    private static void AssertWorkflowContext(CapturedLine line)
    {
        Assert.Equal("user-9", line.User?.UserId);
        Assert.Equal("wf-17", line.JobId);
        Assert.Equal("resize", line.Job!.TaskName);
        Assert.Matches("^[0-9]+$", line.Job.TaskRunId);
    }
}
