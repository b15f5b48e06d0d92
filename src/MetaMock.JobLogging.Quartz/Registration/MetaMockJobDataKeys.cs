namespace MetaMock.JobLogging.Quartz;

/// <summary>The JobDataMap keys the integration reads a firing's context from (the context's field names).</summary>
public static class MetaMockJobDataKeys
{
    /// <summary>The user the job runs for; no user id is set when it is absent.</summary>
    public const string UserId = "user_id";

    /// <summary>The workflow id (names the <c>jobs/{job_id}</c> stream); the job key <c>group.name</c> when absent.</summary>
    public const string JobId = "job_id";

    /// <summary>The step's name; the job key's name when absent.</summary>
    public const string TaskName = "task_name";
}
