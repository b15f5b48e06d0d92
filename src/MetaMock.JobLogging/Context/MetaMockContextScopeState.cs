using System.Collections;

namespace MetaMock.JobLogging;

/// <summary>
/// A job's context as <c>ILogger.BeginScope</c> state: the four fields as key/value pairs, so any structured provider
/// (JSON console, Serilog, OpenTelemetry) shows them as properties. The Hangfire and Quartz integrations open it per run.
/// </summary>
/// <remarks>
/// A missing user id is a pair with a null value rather than no pair, so a consumer that lets the innermost scope win
/// does not pick up a stale user id from a scope the worker thread inherited. The pairs are made when a provider reads
/// them: most scopes are never enumerated.
/// </remarks>
public sealed class MetaMockContextScopeState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly UserContext? _user;
    private readonly JobContext _job;

    /// <summary>Scope state for a run of <paramref name="job"/> on behalf of <paramref name="user"/> (null: no user).</summary>
    public MetaMockContextScopeState(UserContext? user, JobContext job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _user = user;
        _job = job;
    }

    /// <summary>Always four: <c>user_id</c>, <c>job_id</c>, <c>task_name</c>, <c>task_run_id</c>.</summary>
    public int Count => 4;

    /// <summary>The pair at <paramref name="index"/> (0-3), in the order of <see cref="Count"/>.</summary>
    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(ContextFields.UserId, _user?.UserId),
        1 => new(ContextFields.JobId, _job.JobId),
        2 => new(ContextFields.TaskName, _job.TaskName),
        3 => new(ContextFields.TaskRunId, _job.TaskRunId),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A context scope has four fields (0-3)."),
    };

    /// <summary>The four pairs in order.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What a text provider that prints scopes shows: the fields that are set, as <c>key=value</c>.</summary>
    public override string ToString() =>
        string.Join(' ', this.Where(f => f.Value is not null).Select(f => $"{f.Key}={f.Value}"));
}
