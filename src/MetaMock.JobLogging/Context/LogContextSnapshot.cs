using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging;

/// <summary>
/// The whole ambient context at one moment. Immutable, so a log call keeps a reference instead of a copy,
/// and a bookmark can restore it exactly.
/// </summary>
internal sealed class LogContextSnapshot
{
    private string? _textPrefix;

    public LogContextSnapshot(UserContext? user, JobContext? job)
    {
        User = user;
        Job = job;
    }

    public UserContext? User { get; }

    public JobContext? Job { get; }

    public string? UserId => User?.UserId;

    public string? JobId => Job?.JobId;

    public string? TaskName => Job?.TaskName;

    public string? TaskRunId => Job?.TaskRunId;

    /// <summary>The <c>[user_id=.. job_id=..] </c> part of a text line, built once per snapshot (a benign race).</summary>
    public string TextPrefix => _textPrefix ??= ContextPrefix.Build(this);

    /// <summary>Null when nothing is set, so an empty context costs no allocation and no AsyncLocal entry.</summary>
    public static LogContextSnapshot? Create(UserContext? user, JobContext? job) =>
        user is null && job is null ? null : new LogContextSnapshot(user, job);
}
