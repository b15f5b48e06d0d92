using Hangfire.AspNetCore;
using HangfireLogProvider = Hangfire.Logging.LogProvider;
using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests;

/// <summary>
/// One failed attempt reads as one record: the package's ERROR line carries the exception once, with the job's context,
/// and the documented logging rule keeps Hangfire's own retry line (the same exception again, without context) out.
/// </summary>
[Collection(HangfireStaticsGroup.Name)]
public sealed class OneRecordPerFailureTests
{
    /// <summary>The category of Hangfire's own retry lines, as the troubleshooting page names it.</summary>
    private const string HangfireRetryCategory = "Hangfire.AutomaticRetryAttribute";

    [Fact]
    public async Task Hangfires_own_retry_line_repeats_the_exception_without_the_jobs_context()
    {
        using var statics = new HangfireStatics();
        var hangfireLog = statics.CaptureHangfireLog();
        using var hangfire = new HangfireHarness(retryAttempts: 1, hangfireRetryLines: true);
        hangfire.StartServer();

        var id = hangfire.Enqueue<ContextJobs>(j => j.FailTimes("twice", 1));
        await hangfire.WaitForState(id, "Succeeded");

        // What the documented rule removes: Hangfire's warning, under that category, with the exception and no job_id.
        var own = Assert.Single(hangfireLog.Lines, l => l.Category == HangfireRetryCategory);
        Assert.Equal(LogLevel.Warning, own.Level);
        Assert.Contains("Retry attempt 1", own.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(own.Exception);
        Assert.Null(own.Job);
    }

    [Fact]
    public async Task With_the_documented_rule_a_failed_attempt_carries_its_exception_in_exactly_one_record()
    {
        using var statics = new HangfireStatics();
        using var hangfire = new HangfireHarness(retryAttempts: 1, hangfireRetryLines: true);

        // Hangfire.NetCore bridges Hangfire's own lines into the application's logging, where the rule applies.
        using var application = LoggerFactory.Create(logging => logging
            .AddFilter(HangfireRetryCategory, LogLevel.None)
            .AddProvider(hangfire.Capture));
        HangfireLogProvider.SetCurrentLogProvider(new AspNetCoreLogProvider(application));
        hangfire.StartServer();

        var id = hangfire.Enqueue<ContextJobs>(j => j.FailTimes("once", 1));
        await hangfire.WaitForState(id, "Succeeded");

        var withException = hangfire.Capture.Lines.Where(l => l.Exception is not null).ToList();
        var error = Assert.Single(withException);
        Assert.Equal("MetaMock.JobLogging.Hangfire", error.Category);
        Assert.Equal(id, error.JobId);
        Assert.DoesNotContain(error.Exception!.Message, error.Message, StringComparison.Ordinal);
        var retry = Assert.Single(hangfire.PackageLines(LogLevel.Warning));
        Assert.Equal(id, retry.JobId);
    }
}
