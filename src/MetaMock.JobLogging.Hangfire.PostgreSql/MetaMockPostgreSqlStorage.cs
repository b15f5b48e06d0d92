using Hangfire.PostgreSql;
using Hangfire.Storage;
using MetaMock.JobLogging.Hangfire.PostgreSql.Storage;

namespace MetaMock.JobLogging.Hangfire.PostgreSql;

/// <summary>
/// Hangfire.PostgreSql's storage, except that fetching a job's data also returns its parameters, in the same SQL
/// statement: the job context filter and Hangfire's own culture filter then read them without a query per attempt.
/// </summary>
/// <remarks>
/// Everything else is <see cref="PostgreSqlStorage"/>'s. If the database does not have the tables and columns
/// Hangfire.PostgreSql 1.21 creates, the job fetch falls back to Hangfire.PostgreSql's own (a warning is logged once)
/// and every parameter read is a query again, as with the plain storage.
/// </remarks>
public sealed class MetaMockPostgreSqlStorage : PostgreSqlStorage
{
    private readonly JobDataWithParameters _jobData;

    /// <summary>Creates the storage over a connection factory (for example <c>NpgsqlConnectionFactory</c>) and options.</summary>
    public MetaMockPostgreSqlStorage(IConnectionFactory connectionFactory, PostgreSqlStorageOptions options)
        : base(connectionFactory, options) =>
        _jobData = new JobDataWithParameters(connectionFactory, options.SchemaName);

    /// <inheritdoc />
    public override IStorageConnection GetConnection()
    {
        // The base connection opens nothing until it is used; asking for it runs the base's deferred schema
        // initialization (resilient start-up), which is private to it.
        base.GetConnection().Dispose();
        return new SnapshotConnection(this, _jobData);
    }
}
