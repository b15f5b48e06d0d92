using System.Text;

namespace MetaMock.JobLogging.Formatting;

/// <summary>Builds the text line's context part, <c>[user_id=123 job_id=bulk-abc123 task=bulk_workflow run_id=run-456] </c>.</summary>
internal static class ContextPrefix
{
    public static string Build(LogContextSnapshot snapshot)
    {
        var text = new StringBuilder("[");
        Append(text, "user_id", snapshot.UserId);
        Append(text, "job_id", snapshot.JobId);
        Append(text, "task", snapshot.TaskName);
        Append(text, "run_id", snapshot.TaskRunId);
        return text.Append("] ").ToString();
    }

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (text.Length > 1)
        {
            text.Append(' ');
        }

        text.Append(key).Append('=').Append(ContextValue.Render(value));
    }
}
