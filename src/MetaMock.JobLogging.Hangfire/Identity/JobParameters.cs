namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>Names of the job parameters this package reads and writes.</summary>
internal static class JobParameters
{
    /// <summary>The user id and job id of the code that enqueued the job (the parent's, for a child or continuation): <see cref="CapturedIds"/>.</summary>
    public const string CapturedContext = "MetaMock.Context";

    /// <summary>The enqueuer's user id as stored before <see cref="CapturedContext"/>; still read for jobs enqueued then.</summary>
    public const string EarlierCapturedUserId = "MetaMock.UserId";

    /// <summary>The enqueuer's job id as stored before <see cref="CapturedContext"/>; still read for jobs enqueued then.</summary>
    public const string EarlierCapturedJobId = "MetaMock.JobId";

    /// <summary>Hangfire's own retry counter, written by <c>AutomaticRetryAttribute</c>: 0 on the first attempt.</summary>
    public const string RetryCount = "RetryCount";

    /// <summary>Set by Hangfire on each job created from a recurring job.</summary>
    public const string RecurringJobId = "RecurringJobId";
}
