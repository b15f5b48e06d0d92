using Hangfire.Common;
using Hangfire.Storage;

namespace MetaMock.JobLogging.Hangfire.PostgreSql.Storage;

/// <summary>A job row turned into <see cref="JobData"/> exactly as Hangfire.PostgreSql 1.21.1's <c>GetJobData</c> does it.</summary>
internal static class StoredJob
{
    public static JobData ToJobData(string invocationDataJson, string? arguments, string? stateName, DateTime createdAt)
    {
        var invocationData = SerializationHelper.Deserialize<InvocationData>(invocationDataJson);
        invocationData.Arguments = arguments;

        Job? job = null;
        JobLoadException? loadException = null;
        try
        {
            job = invocationData.DeserializeJob();
        }
        catch (JobLoadException e)
        {
            loadException = e;
        }

        return new JobData { Job = job, State = stateName, CreatedAt = createdAt, LoadException = loadException };
    }

    /// <summary>The snapshot: the last value wins if a name repeats (the table has no unique key on it).</summary>
    public static Dictionary<string, string?> Parameters(string[] names, string?[] values)
    {
        var parameters = new Dictionary<string, string?>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            parameters[names[i]] = values[i];
        }

        return parameters;
    }
}
