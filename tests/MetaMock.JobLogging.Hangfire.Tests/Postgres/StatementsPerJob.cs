using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.Hangfire.PostgreSql;
using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Testing.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MetaMock.JobLogging.Hangfire.Tests.Postgres;

/// <summary>What PostgreSQL ran for one batch of jobs, per job, counted by pg_stat_statements.</summary>
/// <param name="ParameterReads">Hangfire.PostgreSql's <c>GetJobParameter</c> queries.</param>
/// <param name="JobFetches">Job-data queries (<c>GetJobData</c>, ours or Hangfire.PostgreSql's).</param>
/// <param name="All">
/// Every statement the storage sent (schema set-up and polling included; statements that run inside others, such as
/// foreign-key checks, left out).
/// </param>
/// <param name="Work">
/// <paramref name="All"/> without transaction and session control (BEGIN, COMMIT, ROLLBACK, DISCARD ALL, SET, RESET):
/// their number follows connection-pool and lock timing, and differs by two per job between identical runs.
/// </param>
internal sealed record StatementsPerJob(double ParameterReads, double JobFetches, double All, double Work)
{
    // Waiting for the jobs asks the database directly, in words the counts leave out.
    private const string ProbeMarker = "statement_count_probe";

    public enum Setup
    {
        PlainStorage,
        PlainStorageWithFilter,
        MetaMockStorageWithFilter,
    }

    /// <summary>
    /// Enqueues <paramref name="jobs"/> jobs into a fresh database, then runs them with a real server, Hangfire's culture
    /// filter and (for the filter set-ups) the MetaMock filter. The jobs are all stored before the server starts, so
    /// the workers never wait on an empty queue until the last job is done.
    /// </summary>
    public static async Task<StatementsPerJob> Measure(PostgresServer server, Setup setup, int jobs)
    {
        var database = setup.ToString().ToLowerInvariant();
        await Execute(server.ConnectionString(), $"CREATE DATABASE {database}");
        var options = new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true };
        var factory = new NpgsqlConnectionFactory(server.ConnectionString(database), options);
        PostgreSqlStorage storage = setup == Setup.MetaMockStorageWithFilter
            ? new MetaMockPostgreSqlStorage(factory, options)
            : new PostgreSqlStorage(factory, options);

        var capture = new CapturingLoggerProvider();
        using var loggerFactory = new LoggerFactory([capture]);
        var filters = new JobFilterCollection { new AutomaticRetryAttribute { Attempts = 0 }, new CaptureCultureAttribute() };
        if (setup != Setup.PlainStorage)
        {
            filters.Add(new MetaMockJobContextFilter(loggerFactory, JobSettings.None));
        }

        var provider = new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
        var client = new BackgroundJobClient(storage, provider);
        using (MetaMockLogContext.BeginUserContext("user-1"))
        {
            for (var i = 0; i < jobs; i++)
            {
                client.Enqueue<ContextJobs>(j => j.Sync("counted"));
            }
        }

        var probe = new JobProbe(loggerFactory.CreateLogger("Job"), client);
        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = 2,
            FilterProvider = provider,
            Activator = new ProbeActivator(probe),
            SchedulePollingInterval = TimeSpan.FromMinutes(1),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        };
        using (new BackgroundJobServer(serverOptions, storage))
        {
            var succeeded = $"SELECT count(*) AS {ProbeMarker} FROM hangfire.job WHERE statename = 'Succeeded'";
            await Eventually.True(
                () => Scalar(server.ConnectionString(database), succeeded) == jobs,
                $"{jobs} jobs to succeed on {setup}",
                TimeSpan.FromSeconds(120));
        }

        if (setup != Setup.PlainStorage)
        {
            Assert.All(capture.Containing("counted"), line => Assert.Equal("user-1", line.User?.UserId));
        }

        return await Count(server, database, jobs);
    }

    private static async Task<StatementsPerJob> Count(PostgresServer server, string database, int jobs)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT coalesce(sum(calls) FILTER (WHERE query ILIKE 'select "value" from %jobparameter%'), 0),
                   coalesce(sum(calls) FILTER (WHERE query ILIKE 'select%invocationdata%'), 0),
                   coalesce(sum(calls), 0),
                   coalesce(sum(calls) FILTER (WHERE query !~* '^\s*(begin|commit|rollback|discard|set|reset)\M'), 0)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = @db AND s.toplevel AND s.query NOT LIKE '%{ProbeMarker}%'
            """,
            connection);
        command.Parameters.AddWithValue("db", database);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StatementsPerJob(
            reader.GetInt64(0) / (double)jobs, reader.GetInt64(1) / (double)jobs, reader.GetInt64(2) / (double)jobs, reader.GetInt64(3) / (double)jobs);
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The statements of one database, most called first, for a failing test's output.</summary>
    public static async Task<string> Listing(PostgresServer server, string database)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT calls, left(regexp_replace(query, '\s+', ' ', 'g'), 140)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = @db AND s.toplevel AND s.query NOT LIKE '%{ProbeMarker}%' AND calls > 1 ORDER BY calls DESC
            """,
            connection);
        command.Parameters.AddWithValue("db", database);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetInt64(0),6} {reader.GetString(1)}");
        }

        return string.Join('\n', lines);
    }
}
