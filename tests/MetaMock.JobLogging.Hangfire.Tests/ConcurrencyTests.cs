using System.Globalization;
using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;

namespace MetaMock.JobLogging.Hangfire.Tests;

/// <summary>Many jobs on many workers at once: no line may carry another job's context.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_thousand_jobs_on_eight_workers_log_no_line_with_a_foreign_job_id()
    {
        const int jobs = 2_000;
        const int linesPerJob = 3;
        using var hangfire = new HangfireHarness();

        // Enqueued before the server starts, so the eight workers really run side by side.
        var runIdByMarker = new Dictionary<string, string>();
        for (var i = 0; i < jobs; i++)
        {
            var marker = "m" + i.ToString("D4", CultureInfo.InvariantCulture);
            runIdByMarker[marker] = hangfire.Enqueue<AttributedJobs>(j => j.Tagged(marker));
        }

        hangfire.StartServer(workerCount: 8);
        await hangfire.WaitForLines("tag ", jobs * linesPerJob);

        var lines = hangfire.Lines("tag ");
        Assert.Equal(jobs * linesPerJob, lines.Count);
        var foreign = lines.Where(line =>
        {
            var marker = line.Message.Split(' ')[1];
            return line.JobId != marker
                || line.Job!.TaskRunId != runIdByMarker[marker]
                || (string?)line.Scope("job_id") != marker
                || line.ScopeProperties.Count(p => p.Key == "job_id") != 1;
        }).ToList();
        Assert.True(foreign.Count == 0, $"{foreign.Count} line(s) carried another job's context, e.g. '{foreign.FirstOrDefault()?.Message}' with job_id={foreign.FirstOrDefault()?.JobId}");
        Assert.Equal(jobs, lines.Select(l => l.JobId).Distinct().Count());
    }
}
