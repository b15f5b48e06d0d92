namespace MetaMock.JobLogging;

/// <summary>The context's key names and the order they are written in, shared by every output format.</summary>
internal static class ContextFields
{
    public const string UserId = "user_id";
    public const string JobId = "job_id";
    public const string TaskName = "task_name";
    public const string TaskRunId = "task_run_id";

    /// <summary>The set fields, in the original Python design's order, under their full key names.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Enumerate(LogContextSnapshot snapshot)
    {
        if (snapshot.UserId is { } user)
        {
            yield return new(UserId, user);
        }

        if (snapshot.JobId is { } job)
        {
            yield return new(JobId, job);
        }

        if (snapshot.TaskName is { } task)
        {
            yield return new(TaskName, task);
        }

        if (snapshot.TaskRunId is { } run)
        {
            yield return new(TaskRunId, run);
        }
    }
}
