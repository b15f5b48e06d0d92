using System.Globalization;
using System.Reflection;
using Hangfire.Common;

namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>
/// The settings that apply to one job method, with its argument names resolved to positions once, so each run
/// only indexes into the arguments.
/// </summary>
internal sealed class JobPlan
{
    private const int NoArgument = -1;

    private readonly int _jobIdIndex;
    private readonly int _userIdIndex;

    private JobPlan(string taskName, int jobIdIndex, int userIdIndex)
    {
        TaskName = taskName;
        _jobIdIndex = jobIdIndex;
        _userIdIndex = userIdIndex;
    }

    public string TaskName { get; }

    /// <summary>Resolves the settings against the method; a named argument the method lacks is a clear error.</summary>
    public static JobPlan Create(MethodInfo method, JobSettings settings)
    {
        var parameters = method.GetParameters();
        return new JobPlan(
            settings.TaskName ?? method.Name,
            IndexOf(method, parameters, settings.JobIdArgument, nameof(MetaMockJobContextAttribute.JobIdArgument)),
            IndexOf(method, parameters, settings.UserIdArgument, nameof(MetaMockJobContextAttribute.UserIdArgument)));
    }

    /// <summary>
    /// job_id: the JobIdArgument value, else the id captured at enqueue, else the Hangfire id. user_id: the
    /// UserIdArgument value, else the captured one. task_run_id: the Hangfire id, suffixed per retry.
    /// </summary>
    public JobIdentity Identify(Job job, string backgroundJobId, int retryCount, CapturedIds captured)
    {
        var jobId = ArgumentText(job, _jobIdIndex) ?? NonBlank(captured.JobId) ?? backgroundJobId;
        var userId = ArgumentText(job, _userIdIndex) ?? NonBlank(captured.UserId);
        return new JobIdentity(
            userId is null ? null : new UserContext(userId),
            new JobContext(jobId, TaskName, RunId.For(backgroundJobId, retryCount)),
            retryCount + 1);
    }

    private static int IndexOf(MethodInfo method, ParameterInfo[] parameters, string? name, string setting)
    {
        if (name is null)
        {
            return NoArgument;
        }

        var index = Array.FindIndex(parameters, p => string.Equals(p.Name, name, StringComparison.Ordinal));
        if (index < 0)
        {
            var names = string.Join(", ", parameters.Select(p => p.Name));
            throw new InvalidOperationException(
                $"[MetaMockJobContext] on {method.DeclaringType?.Name}.{method.Name} sets {setting} = \"{name}\", " +
                $"but the method has no parameter of that name (it has: {(names.Length == 0 ? "none" : names)}).");
        }

        return index;
    }

    private static string? ArgumentText(Job job, int index)
    {
        if (index == NoArgument || index >= job.Args.Count)
        {
            return null;
        }

        return NonBlank(job.Args[index] switch
        {
            null => null,
            string text => text,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        });
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
