namespace MetaMock.JobLogging;

/// <summary>The job a piece of work belongs to: the <c>job_id</c>, <c>task_name</c> and <c>task_run_id</c> of every line.</summary>
public sealed record JobContext
{
    /// <summary>Creates a job context; the job id must not be null, empty or whitespace.</summary>
    public JobContext(string jobId, string? taskName = null, string? taskRunId = null)
    {
        JobId = ContextGuard.RequireId(jobId, nameof(jobId), "job id");
        TaskName = taskName;
        TaskRunId = taskRunId;
    }

    /// <summary>The workflow's id, shared by all its steps; it names the CloudWatch stream <c>jobs/{JobId}</c>.</summary>
    public string JobId { get; }

    /// <summary>The step being run, printed as <c>task=...</c>.</summary>
    public string? TaskName { get; }

    /// <summary>The id of this run (attempt) of the step, printed as <c>run_id=...</c>.</summary>
    public string? TaskRunId { get; }
}
