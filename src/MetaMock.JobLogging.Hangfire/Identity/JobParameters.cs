namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>Names of the job parameters this package reads and writes.</summary>
internal static class JobParameters
{
    /// <summary>The user id of the code that enqueued the job.</summary>
    public const string CapturedUserId = "MetaMock.UserId";

    /// <summary>The job id of the code that enqueued the job (the parent's, for a child or continuation).</summary>
    public const string CapturedJobId = "MetaMock.JobId";

    /// <summary>Hangfire's own retry counter, written by <c>AutomaticRetryAttribute</c>: 0 on the first attempt.</summary>
    public const string RetryCount = "RetryCount";

    /// <summary>Set by Hangfire on each job created from a recurring job.</summary>
    public const string RecurringJobId = "RecurringJobId";
}
