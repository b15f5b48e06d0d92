using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests;

/// <summary>Where the job context is visible while a job runs, and where it must not be.</summary>
public sealed class ContextVisibilityTests
{
    [Fact]
    public async Task A_sync_job_logs_with_its_own_job_context_and_scope()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer();

        var id = hangfire.Enqueue<ContextJobs>(j => j.Sync("sync-1"));
        await hangfire.WaitForLines("sync-1", 1);

        ContextAssert.Carries(hangfire.Lines("sync-1").Single(), userId: null, jobId: id, taskName: "Sync", taskRunId: id);
    }

    [Fact]
    public async Task An_async_job_keeps_its_context_after_await_and_inside_Task_Run()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer();

        var id = hangfire.Enqueue<ContextJobs>(j => j.Async("async-1"));
        await hangfire.WaitForLines("async-1", 3);

        var lines = hangfire.Lines("async-1");
        Assert.Equal(["before await async-1", "after await async-1", "in Task.Run async-1"], lines.Select(l => l.Message));
        Assert.All(lines, line => ContextAssert.Carries(line, null, id, "Async", id));
    }

    [Fact]
    public async Task The_next_job_on_the_same_worker_does_not_see_the_previous_jobs_context()
    {
        // No global filter: only the attributed job sets a context, so the plain job must find none at all.
        using var hangfire = new HangfireHarness(globalFilter: false);
        hangfire.StartServer(workerCount: 1);

        var first = hangfire.Enqueue<AttributedJobs>(j => j.Run("first"));
        await hangfire.WaitForState(first, "Succeeded");
        var failing = hangfire.Enqueue<AttributedJobs>(j => j.Fail("failing"));
        await hangfire.WaitForState(failing, "Failed");
        hangfire.Enqueue<ContextJobs>(j => j.Sync("after"));
        await hangfire.WaitForLines("after", 1);

        Assert.Equal(first, hangfire.Lines("first").Single().JobId);
        ContextAssert.CarriesNothing(hangfire.Lines("after").Single());
    }

    [Fact]
    public async Task Each_job_on_one_worker_gets_a_fresh_scope_instead_of_a_pile()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer(workerCount: 1);

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var marker = $"pile-{i}";
            ids.Add(hangfire.Enqueue<ContextJobs>(j => j.Fail(marker)));
            await hangfire.WaitForState(ids[^1], "Failed");
        }

        var last = hangfire.Enqueue<ContextJobs>(j => j.Sync("pile-last"));
        await hangfire.WaitForLines("pile-last", 1);

        ContextAssert.Carries(hangfire.Lines("pile-last").Single(), null, last, "Sync", last);
    }

    [Fact]
    public async Task Context_present_when_the_server_was_built_is_overwritten_in_every_job()
    {
        using var hangfire = new HangfireHarness();
        using (MetaMockLogContext.BeginContext(new UserContext("startup-user"), new JobContext("startup-job", "startup", "s-1")))
        using (hangfire.LoggerFactory.CreateLogger("Startup").BeginScope(new Dictionary<string, object?> { ["startup"] = true }))
        {
            // Worker threads inherit this thread's execution context, startup context included.
            hangfire.StartServer();
        }

        var id = hangfire.Enqueue<ContextJobs>(j => j.Sync("after-startup"));
        await hangfire.WaitForLines("after-startup", 1);

        var line = hangfire.Lines("after-startup").Single();
        Assert.Null(line.User);
        Assert.Equal(id, line.JobId);
        Assert.Equal(id, line.Job!.TaskRunId);
        Assert.Equal(id, line.Scope("job_id"));
    }
}
