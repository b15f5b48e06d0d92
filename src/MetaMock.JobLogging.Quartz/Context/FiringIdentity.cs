using Quartz;
using Quartz.Extensibility;

namespace MetaMock.JobLogging.Quartz.Context;

/// <summary>
/// The mapping from a Quartz firing to the MetaMock context: <c>job_id</c> = JobDataMap <c>job_id</c>, else the job
/// key <c>group.name</c>; <c>user_id</c> = JobDataMap <c>user_id</c>; <c>task_name</c> = JobDataMap <c>task_name</c>, else the
/// job key's name; <c>task_run_id</c> = the firing's <c>FireInstanceId</c>.
/// </summary>
internal static class FiringIdentity
{
    /// <summary>
    /// The context of a firing before the job is built. The trigger's map is read before the job's, which is the
    /// precedence Quartz's merged map has, without allocating the merged map.
    /// </summary>
    public static (UserContext? User, JobContext Job) FromBundle(TriggerFiredBundle bundle)
    {
        var detail = bundle.JobDetail;
        return Build(detail.Key, bundle.Trigger.FireInstanceId, bundle.Trigger.JobDataMap, detail.JobDataMap);
    }

    /// <summary>The context of one execution attempt, with the attempt's own run id (see <see cref="RunId"/>).</summary>
    public static (UserContext? User, JobContext Job) FromExecution(IJobExecutionContext context, string runId) =>
        Build(context.JobDetail.Key, runId, context.MergedJobDataMap, null);

    /// <summary>
    /// The run id of the current attempt. A retry is a new firing with a new FireInstanceId, but <c>RefireImmediately</c>
    /// re-runs the job under the same FireInstanceId, so a refire gets a suffix to stay unique per attempt.
    /// </summary>
    public static string RunId(IJobExecutionContext context) =>
        context.RefireCount == 0 ? context.FireInstanceId : $"{context.FireInstanceId}-refire{context.RefireCount}";

    private static (UserContext? User, JobContext Job) Build(JobKey key, string? runId, JobDataMap first, JobDataMap? second)
    {
        var userId = JobDataValue.Find(MetaMockJobDataKeys.UserId, first, second);
        var jobId = JobDataValue.Find(MetaMockJobDataKeys.JobId, first, second) ?? key.ToString();
        var taskName = JobDataValue.Find(MetaMockJobDataKeys.TaskName, first, second) ?? key.Name;
        return (userId is null ? null : new UserContext(userId), new JobContext(jobId, taskName, runId));
    }
}
