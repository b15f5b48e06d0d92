using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Testing.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace MetaMock.JobLogging.Hangfire.Tests.Postgres;

/// <summary>
/// What the integration costs a storage without a parameters snapshot, counted by PostgreSQL itself
/// (pg_stat_statements): the job-parameter reads per job, the same jobs run with and without the filter.
/// </summary>
public sealed class StatementCountTests(ITestOutputHelper output)
{
    private const int Jobs = 20;

    [PostgresFact]
    public async Task The_filter_reads_at_most_one_job_parameter_per_attempt_on_postgres()
    {
        using var server = PostgresServer.Start("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all");
        await using (var admin = new NpgsqlConnection(server.ConnectionString()))
        {
            await admin.OpenAsync();
            foreach (var sql in new[] { "CREATE EXTENSION pg_stat_statements", "CREATE DATABASE plain", "CREATE DATABASE metamock" })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
        }

        var without = await RunJobs(server, "plain", withIntegration: false);
        var with = await RunJobs(server, "metamock", withIntegration: true);
        output.WriteLine($"parameter reads per job: without {without.Reads:0.00}, with {with.Reads:0.00}");
        output.WriteLine($"all statements per job (polling included): without {without.All:0.0}, with {with.All:0.0}");

        // Hangfire's own culture filter reads two parameters per attempt; a job that carries a captured context costs
        // the integration one more read (its context and attempt number share one parameter), and never two.
        Assert.InRange(with.Reads - without.Reads, 0.5, 1.0);
    }

    private static async Task<(double Reads, double All)> RunJobs(PostgresServer server, string database, bool withIntegration)
    {
        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200), PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(server.ConnectionString(database), options), options);
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = new LoggerFactory([capture]);
        var filters = new JobFilterCollection
        {
            new AutomaticRetryAttribute { Attempts = 0 },
            new CaptureCultureAttribute(),
        };
        if (withIntegration)
        {
            filters.Add(new MetaMockJobContextFilter(loggerFactory, JobSettings.None));
        }

        var provider = new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
        var client = new BackgroundJobClient(storage, provider);
        var probe = new JobProbe(loggerFactory.CreateLogger("Job"), client);
        var ids = new List<string>();
        using (MetaMockLogContext.BeginUserContext("user-1"))
        {
            for (var i = 0; i < Jobs; i++)
            {
                ids.Add(client.Enqueue<ContextJobs>(j => j.Sync("counted")));
            }
        }

        using (new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 2, FilterProvider = provider, Activator = new ProbeActivator(probe), ShutdownTimeout = TimeSpan.FromSeconds(10) },
            storage))
        {
            await Eventually.True(
                () => ids.All(id => StateOf(storage, id) == SucceededState.StateName),
                $"{Jobs} jobs to succeed on {database}",
                TimeSpan.FromSeconds(120));
        }

        if (withIntegration)
        {
            Assert.All(capture.Containing("counted"), line => Assert.Equal("user-1", line.User?.UserId));
        }

        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(calls) FILTER (WHERE query ILIKE 'select%jobparameter%'), 0), coalesce(sum(calls), 0)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = @db
            """,
            connection);
        command.Parameters.AddWithValue("db", database);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0) / (double)Jobs, reader.GetInt64(1) / (double)Jobs);
    }

    private static string? StateOf(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(id)?.Name;
    }
}
