using MetaMock.JobLogging.DemoWorker.Tests.Support;
using MetaMock.JobLogging.Testing.Postgres;

namespace MetaMock.JobLogging.DemoWorker.Tests;

/// <summary><c>--storage postgres --connection ...</c>: the same demo with its Hangfire jobs in a real PostgreSQL.</summary>
public sealed class PostgresStorageTests
{
    [PostgresFact]
    public async Task The_demo_runs_its_workflows_on_postgres_and_leaves_them_in_the_database()
    {
        using var postgres = PostgresServer.Start();
        var run = await DemoProcess.RunAsync(
            null, "--storage", "postgres", "--connection", postgres.ConnectionString(), "--schema", "demo", "--bulk-jobs", "2", "--images", "3", "--failure-rate", "0.4", "--seed", "7");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");

        var workflows = run.Records.Where(r => r.Task == "bulk_workflow").Select(r => r.JobId!).Distinct().ToList();
        Assert.Equal(2, workflows.Count);
        foreach (var workflow in workflows)
        {
            var lines = run.ForJob(workflow);
            Assert.All(lines, l => Assert.Equal("123", l.UserId));
            Assert.Contains(lines, l => l is { Task: "generate_images" } && l.Message == "Generated 3/3 images");
            Assert.Contains(lines, l => l is { Task: "notify_user" } && l.Message.StartsWith("Notified user 123", StringComparison.Ordinal));
        }

        // The jobs really went through PostgreSQL: Hangfire's tables in the chosen schema hold them.
        Assert.True(await CountJobs(postgres) >= 2 + (2 * 3), "no jobs in demo.job");
    }

    private static async Task<long> CountJobs(PostgresServer postgres)
    {
        await using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString());
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM demo.job", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
