using MetaMock.JobLogging.Testing.Postgres;
using Npgsql;
using Xunit.Abstractions;
using Setup = MetaMock.JobLogging.Hangfire.Tests.Postgres.StatementsPerJob.Setup;

namespace MetaMock.JobLogging.Hangfire.Tests.Postgres;

/// <summary>
/// What the integration costs Hangfire.PostgreSql, counted by PostgreSQL itself (pg_stat_statements): the same jobs run
/// without the integration, with the filter on the plain storage, and with the filter on MetaMockPostgreSqlStorage.
/// </summary>
public sealed class StatementCountTests(ITestOutputHelper output)
{
    private const int Jobs = 40;

    [PostgresFact]
    public async Task With_the_MetaMock_storage_the_integration_adds_no_query_per_attempt_on_postgres()
    {
        using var server = PostgresServer.Start("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all");
        await using (var admin = new NpgsqlConnection(server.ConnectionString()))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE EXTENSION pg_stat_statements", admin);
            await command.ExecuteNonQueryAsync();
        }

        var without = await StatementsPerJob.Measure(server, Setup.PlainStorage, Jobs);
        var plainWith = await StatementsPerJob.Measure(server, Setup.PlainStorageWithFilter, Jobs);
        var with = await StatementsPerJob.Measure(server, Setup.MetaMockStorageWithFilter, Jobs);
        foreach (var (name, run) in new[] { ("without the integration", without), ("filter, plain storage", plainWith), ("filter, MetaMock storage", with) })
        {
            output.WriteLine($"{name}: parameter reads {run.ParameterReads:0.00}, job fetches {run.JobFetches:0.00}, statements {run.Work:0.00} ({run.All:0.00} with transaction and session control) per job");
        }

        output.WriteLine(await StatementsPerJob.Listing(server, nameof(Setup.PlainStorage).ToLowerInvariant()));
        output.WriteLine(await StatementsPerJob.Listing(server, nameof(Setup.MetaMockStorageWithFilter).ToLowerInvariant()));

        // Hangfire's culture filter reads two parameters per attempt. On the plain storage the filter reads one more
        // (its context and attempt number share one parameter); on the MetaMock storage every read, Hangfire's too,
        // is answered by the job fetch the worker makes anyway, which stays one statement.
        Assert.InRange(without.ParameterReads, 1.5, 2.5);
        Assert.InRange(plainWith.ParameterReads - without.ParameterReads, 0.5, 1.0);
        Assert.Equal(0, with.ParameterReads);
        Assert.Equal(without.JobFetches, with.JobFetches);
        // Everything else: at most the INSERT of the context parameter at enqueue more than without.
        Assert.True(with.Work <= without.Work + 1, $"{with.Work:0.00} statements per job with the integration, {without.Work:0.00} without");
    }
}
