using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using MetaMock.JobLogging.Hangfire.PostgreSql;
using MetaMock.JobLogging.Testing.Postgres;
using Npgsql;

namespace MetaMock.JobLogging.JobBench.HangfireBench;

/// <summary>
/// B3 on PostgreSQL: a throwaway server, and for each variant a database of its own (its own queue and job tables),
/// with the options docs/fleet.md recommends (sliding invisibility, 50 ms poll so an idle worker does not sleep).
/// </summary>
internal sealed class PostgresBench : IDisposable
{
    private readonly PostgresServer _server = PostgresServer.Start();
    private int _databases;

    /// <summary>
    /// A fresh database with Hangfire's schema installed, as a storage: the plain Hangfire.PostgreSql one, or the MetaMock
    /// one that fetches a job's parameters with the job (what the integration recommends on PostgreSQL).
    /// </summary>
    public JobStorage NewStorage(bool metaMock)
    {
        var name = $"bench{++_databases}";
        using (var connection = new NpgsqlConnection(_server.ConnectionString()))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        var options = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.FromMilliseconds(50),
        };
        var factory = new NpgsqlConnectionFactory(_server.ConnectionString(name), options);
        return metaMock ? new MetaMockPostgreSqlStorage(factory, options) : new PostgreSqlStorage(factory, options);
    }

    public void Dispose() => _server.Dispose();
}
