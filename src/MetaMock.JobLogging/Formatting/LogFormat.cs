namespace MetaMock.JobLogging;

/// <summary>How each log record is written, on the console and in CloudWatch alike.</summary>
public enum LogFormat
{
    /// <summary>The original Python design's line: <c>[INFO] [user_id=123 job_id=bulk-abc123 task=bulk_workflow run_id=run-456] message</c>.</summary>
    Text,

    /// <summary>One JSON object per line; CloudWatch Logs Insights discovers its keys as fields.</summary>
    Json,
}
