namespace MetaMock.JobLogging.Formatting;

/// <summary>Writes the text line's context part, <c>[user_id=123 job_id=bulk-abc123 task=bulk_workflow run_id=run-456] </c>.</summary>
/// <remarks>
/// Two ways to one layout: <see cref="Build"/> makes the string the console caches per context, of the exact length (a
/// growing StringBuilder cost about 490 B per context); <see cref="TryWriteBare"/> writes it into the caller's buffer
/// with no allocation when no value needs quoting, which is how the CloudWatch sender writes every line (a firing's
/// context is new per firing, so a cached string would be made once per firing only to be encoded and dropped).
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
        return string.Create(fields.Length, fields, static (span, f) => f.Write(span));
    }

    /// <summary>
    /// Writes the prefix into <paramref name="destination"/> when every value is bare (see <see cref="ContextValue.IsBare"/>)
    /// and it fits; false otherwise, and the caller uses <see cref="LogContextSnapshot.TextPrefix"/>.
    /// </summary>
    public static bool TryWriteBare(LogContextSnapshot snapshot, Span<char> destination, out int written)
    {
        var fields = new Fields(snapshot.UserId, snapshot.JobId, snapshot.TaskName, snapshot.TaskRunId);
        written = fields.Length;
        if (written > destination.Length || !Bare(fields.User) || !Bare(fields.Job) || !Bare(fields.Task) || !Bare(fields.Run))
        {
            written = 0;
            return false;
        }

        fields.Write(destination);
        return true;
    }

    private static string? Render(string? value) => value is null ? null : ContextValue.Render(value);

    private static bool Bare(string? value) => value is null || ContextValue.IsBare(value);

    private readonly record struct Fields(string? User, string? Job, string? Task, string? Run)
    {
        public int Length
        {
            get
            {
                var present = Count(User) + Count(Job) + Count(Task) + Count(Run);
                return "[] ".Length + Math.Max(0, present - 1) +
                    FieldLength(UserKey, User) + FieldLength(JobKey, Job) + FieldLength(TaskKey, Task) + FieldLength(RunKey, Run);
            }
        }

        public void Write(Span<char> span)
        {
            span[0] = '[';
            var written = Append(span, 1, UserKey, User);
            written = Append(span, written, JobKey, Job);
            written = Append(span, written, TaskKey, Task);
            written = Append(span, written, RunKey, Run);
            "] ".CopyTo(span[written..]);
        }

        private static int Count(string? value) => value is null ? 0 : 1;

        private static int FieldLength(string key, string? value) => value is null ? 0 : key.Length + value.Length;

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
    }
}
