using System.Text.RegularExpressions;
using MetaMock.JobLogging.DemoWorker.Tests.Support;

namespace MetaMock.JobLogging.DemoWorker.Tests;

/// <summary>The demo's default path (development mode, console output), run as a real process.</summary>
public sealed class DefaultRunTests
{
    private static readonly string[] Steps = ["bulk_workflow", "validate_preset", "generate_prompts", "generate_images", "upload_to_s3", "notify_user"];

    [Fact]
    public async Task The_default_run_exits_0_and_every_step_logs_with_its_workflows_context()
    {
        var run = await DemoProcess.RunAsync(null, "--bulk-jobs", "2", "--images", "4", "--failure-rate", "0.4", "--seed", "7");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");

        var workflows = run.Records
            .Where(r => r.Task == "bulk_workflow")
            .Select(r => r.JobId!)
            .Distinct()
            .ToList();
        Assert.Equal(2, workflows.Count);
        foreach (var workflow in workflows)
        {
            var lines = run.ForJob(workflow);
            // Every line of the workflow, from every step, Hangfire or Quartz, carries the requesting user.
            Assert.All(lines, l => Assert.Equal("123", l.UserId));
            Assert.All(lines, l => Assert.NotNull(l.RunId));
            Assert.Equal(Steps.Order(), lines.Select(l => l.Task!).Distinct().Order());
            Assert.Contains(lines, l => l is { Task: "generate_images" } && l.Message == "Generated 4/4 images");
            Assert.Contains(lines, l => l is { Task: "upload_to_s3" } && l.Message == "Bulk generation completed");
            Assert.Contains(lines, l => l is { Task: "notify_user" } && l.Message.StartsWith("Notified user 123", StringComparison.Ordinal));
        }

        // Lines outside any workflow are only the API request's and the maintenance job's.
        Assert.All(
            run.Records.Where(r => r.JobId is { } id && !workflows.Contains(id)),
            r => Assert.Equal("maintenance.cleanup_expired_jobs", r.JobId));
        Assert.Contains(run.Records, r => r is { JobId: null, UserId: "123", Message: "User authenticated" });
    }

    [Fact]
    public async Task Failed_attempts_are_retried_visibly_with_their_own_run_ids()
    {
        var run = await DemoProcess.RunAsync(null, "--bulk-jobs", "1", "--images", "6", "--failure-rate", "0.6", "--seed", "3");
        Assert.Equal(0, run.ExitCode);

        var errors = run.Records.Where(r => r.Level == "ERROR").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Matches(@"^Task generate_images failed on attempt \d$", e.Message));

        // One failure, one record: the exception follows its ERROR line once, repeated neither in the message nor by
        // Hangfire's own retry line (quieted in appsettings.json, as the README's troubleshooting says).
        Assert.Equal(errors.Count, run.Stdout.Split('\n').Count(l => l.Contains("API timeout", StringComparison.Ordinal)));
        foreach (var error in errors)
        {
            // Each failed attempt is announced as retried, and a later attempt of the same job runs as <id>-r<n>.
            Assert.Contains(run.Records, r => r.Level == "WARNING" && r.RunId == error.RunId && r.Message.Contains("will be retried", StringComparison.Ordinal));
            var baseId = error.RunId!.Split("-r")[0];
            Assert.Contains(run.Records, r => r.Task == "generate_images" && r.RunId!.StartsWith(baseId + "-r", StringComparison.Ordinal) && r.Message.StartsWith("Generated ", StringComparison.Ordinal));
        }

        var summary = Regex.Match(run.Stdout, @"(\d+) steps, (\d+) retries");
        Assert.True(summary.Success, run.Stdout);
        Assert.Equal(errors.Count, int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"Generated \d+/6 images", run.Stdout);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_workflows_and_failures()
    {
        string[] args = ["--bulk-jobs", "2", "--images", "5", "--failure-rate", "0.5", "--seed", "11"];
        var first = await DemoProcess.RunAsync(null, args);
        var second = await DemoProcess.RunAsync(null, args);

        static string Fingerprint(DemoResult run) => string.Join(
            "\n",
            run.Records
                .Where(r => r.Level == "ERROR" || r.Task == "bulk_workflow")
                .Select(r => $"{r.JobId} {r.Task} {Regex.Replace(r.Message, @"\s+at .*", string.Empty)}")
                .Order(StringComparer.Ordinal));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.Equal(
            Regex.Match(first.Stdout, @"\d+ steps, \d+ retries").Value,
            Regex.Match(second.Stdout, @"\d+ steps, \d+ retries").Value);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--images", "0")]
    [InlineData("--failure-rate", "1.5")]
    [InlineData("--bulk-jobs", "many")]
    [InlineData("--storage", "postgres")]
    [InlineData("--connection", "Host=127.0.0.1")]
    [InlineData("--storage", "sqlite")]
    public async Task A_bad_option_prints_the_usage_and_exits_2(params string[] args)
    {
        var run = await DemoProcess.RunAsync(null, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--bulk-jobs", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Records);
    }
}
