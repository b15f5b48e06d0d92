using Hangfire.PostgreSql;
using Npgsql;

namespace MetaMock.DemoWorker.Storage;

/// <summary>
/// Installs (or upgrades) Hangfire.PostgreSql's schema under a PostgreSQL advisory lock. Two processes installing it at
/// the same moment fail (docs/fleet.md, "Install the schema once"); under the lock the second waits for the first and
/// then finds the schema current, so any number of demo workers can start together on one schema.
/// </summary>
internal static class PostgresSchema
{
    public static void InstallOnce(string connectionString, string schema)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        // A session lock: released when the connection closes, even if the install throws.
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", connection))
        {
            lockCommand.Parameters.AddWithValue("name", $"metamock-demo:install:{schema}");
            lockCommand.ExecuteNonQuery();
        }

        PostgreSqlObjectsInstaller.Install(connection, schema);
    }
}
