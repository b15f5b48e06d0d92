namespace MetaMock.JobLogging.Hangfire;

/// <summary>
/// Settings for every job, given to <c>UseMetaMockJobContext</c>; a <see cref="MetaMockJobContextAttribute"/> on a job's
/// class or method overrides them for that job.
/// </summary>
public sealed class MetaMockJobContextOptions
{
    private string? _taskName;
    private string? _jobIdArgument;
    private string? _userIdArgument;

    /// <summary>The task name (<c>task=</c>); the job method's name when not set.</summary>
    public string? TaskName
    {
        get => _taskName;
        set => _taskName = NullOrName(value, nameof(TaskName));
    }

    /// <summary>The name of a job method parameter whose value becomes the job id, in jobs that have it.</summary>
    public string? JobIdArgument
    {
        get => _jobIdArgument;
        set => _jobIdArgument = NullOrName(value, nameof(JobIdArgument));
    }

    /// <summary>The name of a job method parameter whose value becomes the user id, in jobs that have it.</summary>
    public string? UserIdArgument
    {
        get => _userIdArgument;
        set => _userIdArgument = NullOrName(value, nameof(UserIdArgument));
    }

    internal Identity.JobSettings Settings => new(TaskName, JobIdArgument, UserIdArgument);

    /// <summary>A name setting is null (unset) or a real name: a blank one would silently match nothing.</summary>
    internal static string? NullOrName(string? value, string property) =>
        value is not null && string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"{property} must be null or a non-blank name (got \"{value}\").", property)
            : value;
}
