using Hangfire;
using Hangfire.Common;
using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests;

/// <summary>How user id and job id travel from the enqueuing code to the job, its children and continuations.</summary>
public sealed class PropagationTests
{
    [Fact]
    public async Task A_job_enqueued_under_a_user_context_logs_with_that_user()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer();

        string id;
        using (MetaMockLogContext.BeginUserContext("user-7"))
        {
            id = hangfire.Enqueue<ContextJobs>(j => j.Sync("from-request"));
        }

        await hangfire.WaitForLines("from-request", 1);
        ContextAssert.Carries(hangfire.Lines("from-request").Single(), "user-7", id, "Sync", id);
    }

    [Fact]
    public async Task A_job_enqueued_under_a_job_context_joins_that_workflow()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer();

        string id;
        using (MetaMockLogContext.BeginJobContext("wf-42", "api", "req-1"))
        {
            id = hangfire.Enqueue<ContextJobs>(j => j.Sync("joins-wf"));
        }

        await hangfire.WaitForLines("joins-wf", 1);
        ContextAssert.Carries(hangfire.Lines("joins-wf").Single(), null, "wf-42", "Sync", id);
    }

    [Fact]
    public async Task Children_and_continuations_share_the_parents_job_id_and_user()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer(workerCount: 2);

        string parent;
        using (MetaMockLogContext.BeginUserContext("user-9"))
        {
            parent = hangfire.Enqueue<ContextJobs>(j => j.Parent("family"));
        }

        await hangfire.WaitForLines("family", 3);

        var lines = hangfire.Lines("family");
        Assert.All(lines, line => Assert.Equal(parent, line.JobId));
        Assert.All(lines, line => Assert.Equal("user-9", line.User?.UserId));
        Assert.All(lines, line => Assert.Equal(parent, line.Scope("job_id")));
        Assert.Equal(3, lines.Select(l => l.Job!.TaskRunId).Distinct().Count());
        Assert.Equal(parent, lines.Single(l => l.Message == "parent family").Job!.TaskRunId);
    }

    [Fact]
    public async Task A_job_stored_with_the_earlier_two_parameters_still_runs_and_retries_with_its_captured_ids()
    {
        // Jobs outlive a deployment in real storage: one enqueued by the version that stored each id on its own.
        using var hangfire = new HangfireHarness(retryAttempts: 1);
        var id = hangfire.EnqueueUnfiltered<ContextJobs>(j => j.FailTimes("stored-before-upgrade", 1));
        hangfire.StoreParameter(id, "MetaMock.UserId", "user-old");
        hangfire.StoreParameter(id, "MetaMock.JobId", "wf-old");
        hangfire.StartServer();

        await hangfire.WaitForState(id, "Succeeded");

        var runs = hangfire.Lines("stored-before-upgrade").Where(l => l.Category == "Job").ToList();
        Assert.Equal(2, runs.Count);
        ContextAssert.Carries(runs[0], "user-old", "wf-old", "FailTimes", id);
        ContextAssert.Carries(runs[1], "user-old", "wf-old", "FailTimes", $"{id}-r1");
        ContextAssert.Carries(Assert.Single(hangfire.PackageLines(LogLevel.Warning)), "user-old", "wf-old", "FailTimes", id);
    }

    [Fact]
    public async Task A_retry_of_a_job_enqueued_under_a_context_is_announced_with_that_context()
    {
        using var hangfire = new HangfireHarness(retryAttempts: 1);
        hangfire.StartServer();

        string id;
        using (MetaMockLogContext.BeginContext(new UserContext("user-5"), new JobContext("wf-5")))
        {
            id = hangfire.Enqueue<ContextJobs>(j => j.FailTimes("retried-in-context", 1));
        }

        await hangfire.WaitForState(id, "Succeeded");

        ContextAssert.Carries(Assert.Single(hangfire.PackageLines(LogLevel.Warning)), "user-5", "wf-5", "FailTimes", id);
        ContextAssert.Carries(hangfire.Lines("retried-in-context").Where(l => l.Category == "Job").Last(), "user-5", "wf-5", "FailTimes", $"{id}-r1");
    }

    [Fact]
    public async Task JobIdArgument_and_UserIdArgument_take_the_ids_from_the_job_arguments()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer();

        string id;
        using (MetaMockLogContext.BeginContext(new UserContext("api-user"), new JobContext("api-job")))
        {
            // The arguments win over what the enqueuing code had.
            id = hangfire.Enqueue<AttributedJobs>(j => j.Bulk("preset-42", 1234567890123L, "bulk-args"));
        }

        await hangfire.WaitForLines("bulk-args", 1);
        ContextAssert.Carries(hangfire.Lines("bulk-args").Single(), "1234567890123", "preset-42", "bulk_workflow", id);
    }

    [Fact]
    public void An_argument_name_the_method_lacks_fails_at_enqueue_with_a_clear_message()
    {
        using var hangfire = new HangfireHarness();

        var error = Assert.ThrowsAny<Exception>(() => hangfire.Enqueue<AttributedJobs>(j => j.Misnamed("m")));

        var message = error.GetBaseException().Message;
        Assert.Contains("JobIdArgument = \"presetId\"", message, StringComparison.Ordinal);
        Assert.Contains("it has: marker", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_class_or_method_attribute_overrides_the_global_settings_for_its_job()
    {
        using var hangfire = new HangfireHarness(defaults: new MetaMockJobContextOptions { TaskName = "global_task" });
        hangfire.StartServer();

        hangfire.Enqueue<ContextJobs>(j => j.Sync("plain-job"));
        hangfire.Enqueue<AttributedJobs>(j => j.Run("class-job"));
        hangfire.Enqueue<AttributedJobs>(j => j.Overridden("method-job"));
        await hangfire.WaitForLines("plain-job", 1);
        await hangfire.WaitForLines("class-job", 1);
        await hangfire.WaitForLines("method-job", 1);

        Assert.Equal("global_task", hangfire.Lines("plain-job").Single().Job!.TaskName);
        Assert.Equal("class_task", hangfire.Lines("class-job").Single().Job!.TaskName);
        Assert.Equal("method_task", hangfire.Lines("method-job").Single().Job!.TaskName);
        Assert.All(hangfire.Capture.Lines, line => Assert.True(line.ScopeProperties.Count(p => p.Key == "job_id") <= 1));
    }

    [Fact]
    public async Task The_global_settings_name_arguments_for_jobs_without_an_attribute()
    {
        using var hangfire = new HangfireHarness(defaults: new MetaMockJobContextOptions { JobIdArgument = "marker" });
        hangfire.StartServer();

        var id = hangfire.Enqueue<ContextJobs>(j => j.Sync("marker-as-job-id"));
        await hangfire.WaitForLines("marker-as-job-id", 1);

        ContextAssert.Carries(hangfire.Lines("marker-as-job-id").Single(), null, "marker-as-job-id", "Sync", id);
    }

    [Fact]
    public async Task A_recurring_jobs_run_is_its_own_workflow_whatever_context_triggered_it()
    {
        using var hangfire = new HangfireHarness();
        var recurring = hangfire.RecurringJobs();
        recurring.AddOrUpdate("nightly", Job.FromExpression<ContextJobs>(j => j.Sync("recurring-run")), Cron.Never());
        hangfire.StartServer();

        string id;
        using (MetaMockLogContext.BeginContext(new UserContext("dashboard-user"), new JobContext("startup-job")))
        {
            id = recurring.TriggerJob("nightly");
        }

        await hangfire.WaitForLines("recurring-run", 1);
        ContextAssert.Carries(hangfire.Lines("recurring-run").Single(), null, id, "Sync", id);
    }

    [Fact]
    public void Blank_attribute_settings_are_rejected_with_the_property_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new MetaMockJobContextAttribute { UserIdArgument = " " });
        Assert.Equal("UserIdArgument", error.ParamName);
    }
}
