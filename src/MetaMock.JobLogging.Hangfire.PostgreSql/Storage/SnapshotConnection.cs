using Hangfire.PostgreSql;
using Hangfire.Storage;

namespace MetaMock.JobLogging.Hangfire.PostgreSql.Storage;

/// <summary>
/// Hangfire.PostgreSql's connection whose <see cref="GetJobData"/> also fills <see cref="JobData.ParametersSnapshot"/>.
/// The worker builds each attempt's <c>BackgroundJob</c> from it, and Hangfire's <c>GetJobParameter(name, allowStale: true)</c>
/// reads that snapshot instead of querying.
/// </summary>
internal sealed class SnapshotConnection(PostgreSqlStorage storage, JobDataWithParameters jobData) : PostgreSqlConnection(storage)
{
    public override JobData? GetJobData(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return jobData.TryRead(id, out var data) ? data : base.GetJobData(id);
    }
}
