using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
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

    /// <summary>A fresh database with Hangfire's schema installed, as a storage.</summary>
    public JobStorage NewStorage()
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
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(_server.ConnectionString(name), options), options);
    }

    public void Dispose() => _server.Dispose();
}
