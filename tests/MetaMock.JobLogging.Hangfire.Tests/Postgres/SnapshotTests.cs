using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Hangfire.Storage;
using MetaMock.JobLogging.Hangfire.PostgreSql;
using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using MetaMock.JobLogging.Testing.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MetaMock.JobLogging.Hangfire.Tests.Postgres;

/// <summary>
/// MetaMockPostgreSqlStorage on a real PostgreSQL: the job data it fetches is Hangfire.PostgreSql's, plus parameters
/// that are current at each attempt; a schema it does not know falls back to Hangfire.PostgreSql's own query.
/// </summary>
public sealed class SnapshotTests
{
    private static PostgreSqlStorageOptions Options => new() { QueuePollInterval = TimeSpan.FromMilliseconds(100), PrepareSchemaIfNecessary = true };

    [PostgresFact]
    public async Task Each_attempt_reads_the_parameters_stored_when_it_starts_and_Hangfire_retries_as_it_would()
    {
        using var server = PostgresServer.Start();
        var options = Options;
        var storage = new MetaMockPostgreSqlStorage(new NpgsqlConnectionFactory(server.ConnectionString(), options), options);
        using var hangfire = new HangfireHarness(retryAttempts: 2, storage: storage);
        hangfire.Filters.Add(new CaptureCultureAttribute());
        hangfire.StartServer(workerCount: 2);

        string id;
        using (MetaMockLogContext.BeginUserContext("user-7"))
        {
            id = hangfire.Enqueue<ContextJobs>(j => j.FailTimes("pg-flaky", 2));
        }

        await hangfire.WaitForState(id, SucceededState.StateName);

        // The run id of each attempt comes from the context parameter the retry notice rewrote, and Hangfire's
        // AutomaticRetry counts from its RetryCount parameter: both read from the snapshot of that attempt's fetch.
        var runs = hangfire.Lines("pg-flaky").Where(l => l.Category == "Job").ToList();
        Assert.Equal([id, $"{id}-r1", $"{id}-r2"], runs.Select(l => l.Job!.TaskRunId));
        Assert.All(runs, line => Assert.Equal("user-7", line.User?.UserId));
        Assert.Equal(3, hangfire.TimesIn(id, ProcessingState.StateName));
        Assert.Equal(3, hangfire.TimesIn(id, EnqueuedState.StateName));
        var warnings = hangfire.PackageLines(LogLevel.Warning);
        Assert.Equal(
            [$"Task FailTimes will be retried: attempt 2 runs as {id}-r1 (Retry attempt 1 of 2)", $"Task FailTimes will be retried: attempt 3 runs as {id}-r2 (Retry attempt 2 of 2)"],
            warnings.Select(w => w.Message));
        using var connection = storage.GetConnection();
        Assert.Equal("2", connection.GetJobParameter(id, "RetryCount"));
    }

    [PostgresFact]
    public void The_job_data_is_Hangfire_PostgreSqls_with_the_parameters_it_would_read_one_by_one()
    {
        using var server = PostgresServer.Start();
        var options = Options;
        var factory = new NpgsqlConnectionFactory(server.ConnectionString(), options);
        var plain = new PostgreSqlStorage(factory, options);
        var storage = new MetaMockPostgreSqlStorage(factory, options);
        var client = new BackgroundJobClient(plain, new JobFilterCollection { new CaptureCultureAttribute() });
        var loaded = client.Enqueue<ContextJobs>(j => j.FailTimes("compared", 3));
        var unloadable = client.Schedule<ContextJobs>(j => j.Sync("unloadable"), TimeSpan.FromHours(1));
        using (var write = plain.GetConnection())
        {
            write.SetJobParameter(loaded, "Quoted", "\"a \\\"b\\\"\"");
            write.SetJobParameter(loaded, "Empty", null);
        }

        Execute(server, $"UPDATE hangfire.job SET invocationdata = jsonb_set(invocationdata, '{{Type}}', '\"Missing.Type, Missing\"') WHERE id = {unloadable}");

        using var ours = storage.GetConnection();
        using var theirs = plain.GetConnection();
        foreach (var id in new[] { loaded, unloadable })
        {
            var expected = theirs.GetJobData(id);
            var actual = ours.GetJobData(id);
            Assert.Equal(expected.Job?.ToString(), actual.Job?.ToString());
            Assert.Equal(expected.Job?.Args, actual.Job?.Args);
            Assert.Equal(expected.State, actual.State);
            Assert.Equal(expected.CreatedAt, actual.CreatedAt);
            Assert.Equal(expected.CreatedAt.Kind, actual.CreatedAt.Kind);
            Assert.Equal(expected.LoadException?.Message, actual.LoadException?.Message);
            Assert.Null(expected.ParametersSnapshot);
            foreach (var name in new[] { "CurrentCulture", "CurrentUICulture", "Quoted", "Empty", "Missing" })
            {
                Assert.Equal(theirs.GetJobParameter(id, name), actual.ParametersSnapshot.GetValueOrDefault(name));
            }
        }

        Assert.NotNull(ours.GetJobData(unloadable).LoadException);
        Assert.Equal(4, ours.GetJobData(loaded).ParametersSnapshot.Count);
        Assert.Null(ours.GetJobData("999999"));
    }

    [PostgresFact]
    public void A_schema_without_the_parameters_table_it_reads_falls_back_to_Hangfire_PostgreSqls_query()
    {
        using var server = PostgresServer.Start();
        var options = Options;
        var storage = new MetaMockPostgreSqlStorage(new NpgsqlConnectionFactory(server.ConnectionString(), options), options);
        var id = new BackgroundJobClient(storage, new JobFilterCollection { new CaptureCultureAttribute() })
            .Enqueue<ContextJobs>(j => j.Sync("fallback"));
        using var connection = storage.GetConnection();
        Assert.NotNull(connection.GetJobData(id).ParametersSnapshot);

        Execute(server, "ALTER TABLE hangfire.jobparameter RENAME COLUMN value TO moved");

        for (var i = 0; i < 2; i++)
        {
            var data = connection.GetJobData(id);
            Assert.Null(data.ParametersSnapshot);
            Assert.Equal(EnqueuedState.StateName, data.State);
            Assert.Equal(nameof(ContextJobs.Sync), data.Job.Method.Name);
        }
    }

    private static void Execute(PostgresServer server, string sql)
    {
        using var connection = new NpgsqlConnection(server.ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
