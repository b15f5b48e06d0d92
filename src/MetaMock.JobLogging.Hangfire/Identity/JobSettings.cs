namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>What one attribute (or the global registration) says about a job: its task name and argument names.</summary>
internal sealed record JobSettings(string? TaskName, string? JobIdArgument, string? UserIdArgument)
{
    public static JobSettings None { get; } = new(null, null, null);
}
