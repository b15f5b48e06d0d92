using System.Collections;

namespace MetaMock.JobLogging.Quartz.Context;

/// <summary>
/// The logger scope a firing opens: the four context fields as key/value pairs, so structured providers (JSON console,
/// OpenTelemetry) show them as properties rather than as a type name.
/// </summary>
internal sealed class ContextScopeState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    public ContextScopeState(UserContext? user, JobContext job) =>
        _fields =
        [
            new(MetaMockJobDataKeys.UserId, user?.UserId),
            new(MetaMockJobDataKeys.JobId, job.JobId),
            new(MetaMockJobDataKeys.TaskName, job.TaskName),
            new("task_run_id", job.TaskRunId),
        ];

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What a text provider that prints scopes shows.</summary>
    public override string ToString() =>
        string.Join(' ', _fields.Where(f => f.Value is not null).Select(f => $"{f.Key}={f.Value}"));
}
