using System.Diagnostics;
using MetaMock.JobLogging.DemoWorker.Tests.Support;
using MetaMock.JobLogging.Testing.Postgres;

namespace MetaMock.JobLogging.DemoWorker.Tests;

/// <summary>
/// Two demo processes on one PostgreSQL schema share the work: each starts its own workflows, any step runs on whichever
/// process is free, and each workflow still uploads exactly once and completes.
/// </summary>
public sealed class SharedStorageTests
{
    private const string Serving = "Workflows done; serving as a worker until Ctrl+C.";
    private const int Images = 8;

    [PostgresFact]
    public async Task Two_workers_on_one_schema_share_each_workflow_and_upload_it_exactly_once()
    {
        using var postgres = PostgresServer.Start();
        // Both serve until both have seen their own workflows complete, so neither stops while the other's steps need it.
        var serving = new List<Process>();
        void OnOutput(string line, Process process)
        {
            if (line != Serving)
            {
                return;
            }

            lock (serving)
            {
                serving.Add(process);
                if (serving.Count == 2)
                {
                    serving.ForEach(DemoProcess.Interrupt);
                }
            }
        }

        // Different seeds: the workflow ids come from the seed, and each process starts workflows of its own.
        var runs = await Task.WhenAll(Run(postgres, OnOutput, seed: 11, "--serve"), Run(postgres, OnOutput, seed: 12, "--serve"));
        Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}"));

        var workflows = runs.SelectMany(r => r.Records).Where(r => r.Task == "bulk_workflow").Select(r => r.JobId!).Distinct().ToList();
        Assert.Equal(4, workflows.Count);
        foreach (var workflow in workflows)
        {
            var lines = runs.SelectMany(r => r.ForJob(workflow)).ToList();
            Assert.Single(lines, l => l.Task == "upload_to_s3" && l.Message.StartsWith($"Uploading {Images} images", StringComparison.Ordinal));
            // Each image counted once, retries or not: the counts 1..N each appear once, in whichever process.
            var counts = lines.Where(l => l.Task == "generate_images" && l.Message.StartsWith("Generated ", StringComparison.Ordinal)).Select(l => l.Message).Order(StringComparer.Ordinal);
            Assert.Equal(Enumerable.Range(1, Images).Select(i => $"Generated {i}/{Images} images").Order(StringComparer.Ordinal), counts);
            Assert.Single(lines, l => l.Task == "notify_user" && l.Message.StartsWith("Notified user", StringComparison.Ordinal));
        }

        // The work was shared: some workflow has step lines in both processes' output.
        Assert.Contains(workflows, w => runs.All(r => r.ForJob(w).Any(l => l.Task is "validate_preset" or "generate_prompts" or "generate_images" or "upload_to_s3")));
        Assert.True(runs.Sum(r => Retries(r)) > 0, "no simulated failure was retried");
    }

    [PostgresFact]
    public async Task Two_workers_that_run_and_exit_on_one_schema_each_see_their_own_workflows_complete()
    {
        using var postgres = PostgresServer.Start();
        // Each exits once its own workflows are done, after the notifications it scheduled (maybe for the other's
        // workflows, which that one waits for) have fired.
        var runs = await Task.WhenAll(Run(postgres, null, seed: 21), Run(postgres, null, seed: 22));
        Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}"));

        var workflows = runs.SelectMany(r => r.Records).Where(r => r.Task == "bulk_workflow").Select(r => r.JobId!).Distinct().ToList();
        Assert.Equal(4, workflows.Count);
        Assert.All(workflows, w => Assert.Contains(runs.SelectMany(r => r.ForJob(w)), l => l.Task == "notify_user" && l.Message.StartsWith("Notified user", StringComparison.Ordinal)));
        Assert.All(runs, run => Assert.Contains("Summary: 2 workflows completed", run.Stdout, StringComparison.Ordinal));
    }

    private static Task<DemoResult> Run(PostgresServer postgres, Action<string, Process>? onOutput, int seed, params string[] mode) => DemoProcess.RunAsync(
        null,
        onOutput,
        [
            .. mode, "--storage", "postgres", "--connection", postgres.ConnectionString(), "--schema", "shared",
            "--bulk-jobs", "2", "--images", Images.ToString(System.Globalization.CultureInfo.InvariantCulture), "--failure-rate", "0.3",
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);

    private static int Retries(DemoResult run) => int.Parse(
        System.Text.RegularExpressions.Regex.Match(run.Stdout, @"\d+ steps, (\d+) retries").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
