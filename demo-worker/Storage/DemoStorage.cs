using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using MetaMock.JobLogging.Hangfire.PostgreSql;

namespace MetaMock.DemoWorker.Storage;

/// <summary>Where the demo's Hangfire jobs live: in process memory (the default), or in PostgreSQL.</summary>
internal enum StorageKind
{
    /// <summary>Hangfire.InMemory: nothing to set up, gone when the process ends.</summary>
    Memory,

    /// <summary>
    /// Hangfire.PostgreSql, with the settings a multi-worker deployment needs, through the MetaMock storage that fetches
    /// a job's parameters with the job (docs/fleet.md).
    /// </summary>
    Postgres,
}

/// <summary>Applies the chosen storage to Hangfire's configuration.</summary>
internal static class DemoStorage
{
    public static IGlobalConfiguration Use(IGlobalConfiguration hangfire, DemoOptions options)
    {
        if (options.Storage != StorageKind.Postgres)
        {
            return hangfire.UseInMemoryStorage(new InMemoryStorageOptions());
        }

        var connection = options.Connection ?? throw new InvalidOperationException("--storage postgres needs --connection.");
        PostgresSchema.InstallOnce(connection, options.Schema);
        return hangfire.UseMetaMockPostgreSqlStorage(connection, PostgresOptions(options.Schema));
    }

    /// <summary>
    /// Sliding invisibility, so a job fetched by a worker that dies is handed to another after 5 minutes (a live worker
    /// keeps extending it, however long its job runs); a 1 s poll instead of 15 s. The schema is installed before, by
    /// <see cref="PostgresSchema.InstallOnce"/>, not by the storage: processes starting together would race.
    /// </summary>
    public static PostgreSqlStorageOptions PostgresOptions(string schema) => new()
    {
        SchemaName = schema,
        PrepareSchemaIfNecessary = false,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
        QueuePollInterval = TimeSpan.FromSeconds(1),
    };
}
