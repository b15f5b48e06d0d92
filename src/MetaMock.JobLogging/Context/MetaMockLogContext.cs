using System.Globalization;

namespace MetaMock.JobLogging;

/// <summary>
/// The ambient user and job context that every log line carries: the set / clear / get functions of the original Python design,
/// plus <c>Begin*</c> variants that restore the previous context when disposed.
/// </summary>
/// <remarks>
/// One <see cref="AsyncLocal{T}"/> holds an immutable snapshot, so the context flows across <c>await</c> and
/// into <c>Task.Run</c> children, stays isolated between concurrent tasks, and a log call reads it with one load.
/// </remarks>
public static class MetaMockLogContext
{
    private static readonly AsyncLocal<LogContextSnapshot?> CurrentSnapshot = new();

    internal static LogContextSnapshot? Current
    {
        get => CurrentSnapshot.Value;
        set => CurrentSnapshot.Value = value;
    }

    /// <summary>Sets the user id for the current flow (typically in request middleware).</summary>
    public static void SetUserContext(string userId) => Set(new UserContext(userId), Current?.Job);

    /// <summary>Sets a numeric user id for the current flow; it is printed in invariant culture.</summary>
    public static void SetUserContext(long userId) => SetUserContext(userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets job id, task name and task run id together, replacing all three.</summary>
    public static void SetJobContext(string jobId, string? taskName = null, string? taskRunId = null) =>
        Set(Current?.User, new JobContext(jobId, taskName, taskRunId));

    /// <summary>Removes the user id, keeping the job fields.</summary>
    public static void ClearUserContext() => Set(null, Current?.Job);

    /// <summary>Removes job id, task name and task run id, keeping the user id.</summary>
    public static void ClearJobContext() => Set(Current?.User, null);

    /// <summary>Removes every field.</summary>
    public static void ClearAllContext() => Current = null;

    /// <summary>The current user context, or null when none is set.</summary>
    public static UserContext? GetUserContext() => Current?.User;

    /// <summary>The current job context, or null when none is set.</summary>
    public static JobContext? GetJobContext() => Current?.Job;

    /// <summary>
    /// The fields that are set, under the keys <c>user_id</c>, <c>job_id</c>, <c>task_name</c>, <c>task_run_id</c>
    /// (those of the original Python design's <c>get_all_context()</c>). Every value is a non-null <see cref="string"/>
    /// (a numeric user id too); the value type is <see cref="object"/> only so the dictionary can be passed where
    /// structured-logging state is expected.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> GetAllContext()
    {
        var all = new Dictionary<string, object?>(4, StringComparer.Ordinal);
        if (Current is not { } snapshot)
        {
            return all;
        }

        foreach (var (key, value) in ContextFields.Enumerate(snapshot))
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>Sets the user id until the returned bookmark is disposed, which restores the previous context.</summary>
    public static IDisposable BeginUserContext(string userId) => Begin(new UserContext(userId), Current?.Job);

    /// <summary>Sets a numeric user id until the returned bookmark is disposed.</summary>
    public static IDisposable BeginUserContext(long userId) =>
        BeginUserContext(userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets the three job fields until the returned bookmark is disposed, which restores the previous context.</summary>
    public static IDisposable BeginJobContext(string jobId, string? taskName = null, string? taskRunId = null) =>
        Begin(Current?.User, new JobContext(jobId, taskName, taskRunId));

    /// <summary>
    /// Replaces the whole context (null clears a part) until the returned bookmark is disposed. Job integrations
    /// use it to overwrite every field at the start of a run, since worker threads inherit stale context.
    /// </summary>
    public static IDisposable BeginContext(UserContext? user, JobContext? job) => Begin(user, job);

    private static ContextBookmark Begin(UserContext? user, JobContext? job)
    {
        var bookmark = new ContextBookmark(Current);
        Set(user, job);
        return bookmark;
    }

    private static void Set(UserContext? user, JobContext? job) => Current = LogContextSnapshot.Create(user, job);
}
