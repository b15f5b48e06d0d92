using Hangfire.PostgreSql;
using Quartz;

namespace MetaMock.JobLogging.Fleet.Worker;

/// <summary>The storage and scheduler settings every node of the fleet shares (docs/fleet.md explains each).</summary>
public static class FleetSettings
{
    /// <summary>
    /// How long a fetched job stays invisible without its worker's keep-alive: the bound on handing a killed worker's
    /// job to another (plus one poll). Short for the tests; the keep-alive (every fifth of it) keeps long jobs owned.
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Hangfire.PostgreSql options for a worker: no schema install (done once, up front), sliding invisibility, quick polls.</summary>
    public static PostgreSqlStorageOptions Hangfire(bool installSchema) => new()
    {
        PrepareSchemaIfNecessary = installSchema,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = InvisibilityTimeout,
        QueuePollInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>
    /// A clustered AdoJobStore on PostgreSQL (one cluster: every node of the default scheduler on this database, each with a
    /// generated instance id); <paramref name="provision"/> creates the schema (the installer only).
    /// </summary>
    public static void Quartz(IQuartzBuilder quartz, string connection, bool provision)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 2);
        // A trigger scheduled by another process wakes no node: each polls the store this often when idle (default 30 s).
        quartz.ConfigureScheduler(scheduler => scheduler.IdleWaitTime = TimeSpan.FromSeconds(1));
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connection);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = TimeSpan.FromSeconds(2);
                cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
            });
            if (provision)
            {
                store.ProvisionSchema();
            }
        });
    }
}
