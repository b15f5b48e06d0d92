using System.Collections;
using MetaMock.JobLogging.Hangfire.Identity;

namespace MetaMock.JobLogging.Hangfire.Logging;

/// <summary>
/// The ILogger scope opened around a job: the four context fields as key/value pairs, so any
/// Microsoft.Extensions.Logging provider (JSON console, Serilog, OpenTelemetry) sees them as properties.
/// </summary>
/// <remarks>
/// A missing user id is written as null rather than left out, so a consumer that lets the innermost scope win
/// does not pick up a stale user id from a scope the worker thread inherited.
/// </remarks>
internal sealed class JobScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    // The core's key names (its ContextFields type is internal, so they are repeated here).
    private const string UserIdKey = "user_id";
    private const string JobIdKey = "job_id";
    private const string TaskNameKey = "task_name";
    private const string TaskRunIdKey = "task_run_id";

    private readonly JobIdentity _identity;

    public JobScope(JobIdentity identity) => _identity = identity;

    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(UserIdKey, _identity.User?.UserId),
        1 => new(JobIdKey, _identity.Job.JobId),
        2 => new(TaskNameKey, _identity.Job.TaskName),
        3 => new(TaskRunIdKey, _identity.Job.TaskRunId),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A job scope has four fields (0-3)."),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What a plain-text formatter that prints scopes shows.</summary>
    public override string ToString() =>
        $"{UserIdKey}={_identity.User?.UserId ?? "-"} {JobIdKey}={_identity.Job.JobId} {TaskNameKey}={_identity.Job.TaskName} {TaskRunIdKey}={_identity.Job.TaskRunId}";
}
