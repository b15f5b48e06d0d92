using System.Collections;

namespace MetaMock.JobLogging.Quartz.Context;

/// <summary>
/// The logger scope a firing opens: the four context fields as key/value pairs, so structured providers (JSON console,
/// OpenTelemetry) show them as properties rather than as a type name.
/// </summary>
/// <remarks>The pairs are made when a provider reads them, not per firing: most firings' scopes are never enumerated.</remarks>
internal sealed class ContextScopeState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string TaskRunIdKey = "task_run_id";

    private readonly UserContext? _user;
    private readonly JobContext _job;

    public ContextScopeState(UserContext? user, JobContext job)
    {
        _user = user;
        _job = job;
    }

    public int Count => 4;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(MetaMockJobDataKeys.UserId, _user?.UserId),
        1 => new(MetaMockJobDataKeys.JobId, _job.JobId),
        2 => new(MetaMockJobDataKeys.TaskName, _job.TaskName),
        3 => new(TaskRunIdKey, _job.TaskRunId),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A firing's scope has four fields (0-3)."),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What a text provider that prints scopes shows (fields that are set only).</summary>
    public override string ToString() =>
        string.Join(' ', this.Where(f => f.Value is not null).Select(f => $"{f.Key}={f.Value}"));
}
