namespace MetaMock.JobLogging.Formatting;

/// <summary>Builds the text line's context part, <c>[user_id=123 job_id=bulk-abc123 task=bulk_workflow run_id=run-456] </c>.</summary>
/// <remarks>
/// Built once per context (a Quartz firing, a Hangfire job), so one string of the exact length: a growing
/// StringBuilder made three chunks and two more builders for a typical prefix, about 350 B per firing.
/// </remarks>
internal static class ContextPrefix
{
    private const string UserKey = "user_id=";
    private const string JobKey = "job_id=";
    private const string TaskKey = "task=";
    private const string RunKey = "run_id=";

    public static string Build(LogContextSnapshot snapshot)
    {
        // Render returns the value itself when it needs no quoting, the common case.
        var fields = new Fields(Render(snapshot.UserId), Render(snapshot.JobId), Render(snapshot.TaskName), Render(snapshot.TaskRunId));
        var length = "[] ".Length + Length(UserKey, fields.User) + Length(JobKey, fields.Job) + Length(TaskKey, fields.Task) + Length(RunKey, fields.Run);
        var present = Count(fields.User) + Count(fields.Job) + Count(fields.Task) + Count(fields.Run);
        length += Math.Max(0, present - 1);
        return string.Create(length, fields, static (span, f) =>
        {
            span[0] = '[';
            var written = 1;
            written = Append(span, written, UserKey, f.User);
            written = Append(span, written, JobKey, f.Job);
            written = Append(span, written, TaskKey, f.Task);
            written = Append(span, written, RunKey, f.Run);
            "] ".CopyTo(span[written..]);
        });
    }

    private static string? Render(string? value) => value is null ? null : ContextValue.Render(value);

    private static int Length(string key, string? value) => value is null ? 0 : key.Length + value.Length;

    private static int Count(string? value) => value is null ? 0 : 1;

    private static int Append(Span<char> span, int written, string key, string? value)
    {
        if (value is null)
        {
            return written;
        }

        if (written > 1)
        {
            span[written++] = ' ';
        }

        key.CopyTo(span[written..]);
        written += key.Length;
        value.CopyTo(span[written..]);
        return written + value.Length;
    }

    private readonly record struct Fields(string? User, string? Job, string? Task, string? Run);
}
