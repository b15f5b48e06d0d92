using Quartz;

namespace MetaMock.JobLogging.Quartz;

/// <summary>Carries the ambient MetaMock context into a Quartz job scheduled from a request or another job.</summary>
public static class MetaMockJobBuilderExtensions
{
    /// <summary>
    /// Copies the ambient <c>user_id</c> and <c>job_id</c> into the job's data, so the scheduled job logs with that user
    /// and into the same <c>jobs/{job_id}</c> stream. Fields not set where it is called are left out, and the job then
    /// falls back to its own key. The task name and run id are the new job's own, so they are not copied.
    /// </summary>
    public static JobBuilder<TJob> UsingMetaMockContext<TJob>(this JobBuilder<TJob> builder)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (MetaMockLogContext.GetUserContext() is { } user)
        {
            builder.UsingJobData(MetaMockJobDataKeys.UserId, user.UserId);
        }

        if (MetaMockLogContext.GetJobContext() is { } job)
        {
            builder.UsingJobData(MetaMockJobDataKeys.JobId, job.JobId);
        }

        return builder;
    }
}
