using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.Hangfire.Logging;

namespace MetaMock.JobLogging.Hangfire;

/// <summary>
/// Runs a Hangfire job with the MetaMock user and job context set, and names its task and the arguments that carry
/// its job id and user id. On a class or method it overrides the <see cref="MetaMockJobContextOptions"/> given to <c>UseMetaMockJobContext</c>.
/// </summary>
/// <remarks>
/// When a job is created, the enqueuing code's user id and job id are stored with it, so a request's user and a
/// parent job's id follow the job (and its children and continuations). While it runs, <c>job_id</c> is the
/// <see cref="JobIdArgument"/> value, else the captured job id, else the Hangfire job id; <c>user_id</c> is the
/// <see cref="UserIdArgument"/> value, else the captured user id; <c>task_run_id</c> is the Hangfire job id, with
/// <c>-r{n}</c> on the n-th retry. Used without <c>UseMetaMockJobContext</c>, failure lines go to Hangfire's log
/// provider and no ILogger scope is opened.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class MetaMockJobContextAttribute : JobFilterAttribute, IClientFilter, IServerFilter, IApplyStateFilter
{
    private string? _taskName;
    private string? _jobIdArgument;
    private string? _userIdArgument;
    private JobContextEngine? _engine;

    /// <summary>The task name (<c>task=</c>); the job method's name when not set.</summary>
    public string? TaskName
    {
        get => _taskName;
        set => _taskName = MetaMockJobContextOptions.NullOrName(value, nameof(TaskName));
    }

    /// <summary>The name of a job method parameter whose value becomes the job id (e.g. <c>"presetId"</c>).</summary>
    public string? JobIdArgument
    {
        get => _jobIdArgument;
        set => _jobIdArgument = MetaMockJobContextOptions.NullOrName(value, nameof(JobIdArgument));
    }

    /// <summary>The name of a job method parameter whose value becomes the user id (e.g. <c>"userId"</c>).</summary>
    public string? UserIdArgument
    {
        get => _userIdArgument;
        set => _userIdArgument = MetaMockJobContextOptions.NullOrName(value, nameof(UserIdArgument));
    }

    internal JobSettings Settings => new(TaskName, JobIdArgument, UserIdArgument);

    // Hangfire caches attribute instances and calls them from many workers; a race only builds an equal engine twice.
    private JobContextEngine Engine => _engine ??= new JobContextEngine(JobLog.Create(loggerFactory: null), Settings);

    // The filter methods are explicit: Hangfire calls them through its interfaces, users never do.
    void IClientFilter.OnCreating(CreatingContext context) => Engine.OnCreating(context);

    void IClientFilter.OnCreated(CreatedContext context)
    {
    }

    void IServerFilter.OnPerforming(PerformingContext context) => Engine.OnPerforming(context);

    void IServerFilter.OnPerformed(PerformedContext context) => Engine.OnPerformed(context);

    void IApplyStateFilter.OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) => Engine.OnStateApplied(context);

    void IApplyStateFilter.OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
