using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests;

/// <summary>What a failing, retried or interrupted job writes, and with which context.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_failing_job_logs_one_error_with_its_context_and_the_original_exception()
    {
        using var hangfire = new HangfireHarness();
        hangfire.StartServer();

        string id;
        using (MetaMockLogContext.BeginUserContext("user-3"))
        {
            id = hangfire.Enqueue<ContextJobs>(j => j.Fail("fails-once"));
        }

        await hangfire.WaitForState(id, "Failed");

        var error = Assert.Single(hangfire.PackageLines(LogLevel.Error));
        ContextAssert.Carries(error, "user-3", id, "Fail", id);
        var exception = Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal("boom fails-once", exception.Message);
        // The exception is the record's own, printed once after the message: the message does not repeat its text.
        Assert.Equal("Task Fail failed on attempt 1", error.Message);
        Assert.Empty(hangfire.PackageLines(LogLevel.Warning));
    }

    [Fact]
    public async Task Retries_get_distinct_run_ids_and_each_retry_is_announced_with_its_attempt_number()
    {
        using var hangfire = new HangfireHarness(retryAttempts: 2);
        hangfire.StartServer();

        var id = hangfire.Enqueue<ContextJobs>(j => j.FailTimes("flaky", 2));
        await hangfire.WaitForState(id, "Succeeded");

        var runs = hangfire.Lines("flaky").Where(l => l.Category == "Job").ToList();
        Assert.Equal([id, $"{id}-r1", $"{id}-r2"], runs.Select(l => l.Job!.TaskRunId));
        Assert.All(runs, line => Assert.Equal(id, line.JobId));

        var errors = hangfire.PackageLines(LogLevel.Error);
        Assert.Equal([id, $"{id}-r1"], errors.Select(l => l.Job!.TaskRunId));
        Assert.All(errors, e => Assert.IsType<TimeoutException>(e.Exception));
        Assert.Equal("Task FailTimes failed on attempt 2", errors[1].Message);
        Assert.Equal("flaky flaky #2", errors[1].Exception!.Message);

        var warnings = hangfire.PackageLines(LogLevel.Warning);
        Assert.Equal(2, warnings.Count);
        ContextAssert.Carries(warnings[0], null, id, "FailTimes", id);
        ContextAssert.Carries(warnings[1], null, id, "FailTimes", $"{id}-r1");
        // The count only: the exception's message is the ERROR record's, not repeated here.
        Assert.Equal($"Task FailTimes will be retried: attempt 2 runs as {id}-r1 (Retry attempt 1 of 2)", warnings[0].Message);
        Assert.Equal($"Task FailTimes will be retried: attempt 3 runs as {id}-r2 (Retry attempt 2 of 2)", warnings[1].Message);
    }

    [Fact]
    public async Task A_job_whose_attribute_names_a_missing_argument_fails_with_that_message_and_is_still_retried()
    {
        using var hangfire = new HangfireHarness(retryAttempts: 1);
        hangfire.StartServer();

        // Created without the filter (so without the enqueue-time check), like a job stored by an older deployment.
        var id = hangfire.EnqueueUnfiltered<AttributedJobs>(j => j.Misnamed("stored-earlier"));
        await hangfire.WaitForState(id, "Failed");

        Assert.Contains("JobIdArgument = \"presetId\"", hangfire.StateDataOf(id)!["ExceptionMessage"], StringComparison.Ordinal);
        Assert.Equal(2, hangfire.TimesIn(id, "Processing"));
        Assert.Empty(hangfire.PackageLines(LogLevel.Warning));
    }

    [Fact]
    public async Task A_job_interrupted_by_server_shutdown_is_not_reported_as_failed()
    {
        using var hangfire = new HangfireHarness();
        var server = hangfire.StartServer();

        var id = hangfire.Enqueue<ContextJobs>(j => j.WaitForShutdown("interrupted", CancellationToken.None));
        await hangfire.WaitForLines("interrupted", 1);
        server.Dispose();

        Assert.Empty(hangfire.PackageLines(LogLevel.Error));
        var warning = Assert.Single(hangfire.PackageLines(LogLevel.Warning));
        Assert.Equal("Task WaitForShutdown was interrupted by server shutdown on attempt 1; Hangfire will run it again", warning.Message);
        ContextAssert.Carries(warning, null, id, "WaitForShutdown", id);
    }
}
