using MetaMock.JobLogging.Hangfire.Dashboard.Lines;

namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>What one <c>UseMetaMockJobLogs</c> call set up: the options, where lines come from, and how jobs are looked up.</summary>
internal sealed record LogPanel(MetaMockJobLogsOptions Options, ILineSource Source, JobLookup Jobs, string? Note)
{
    /// <summary>The route the panel's script reads, below the dashboard's path.</summary>
    public const string Route = "/metamock/job-logs";

    /// <summary>The most characters of a Hangfire job id the route accepts.</summary>
    public const int MaxJobIdLength = 128;

    private static LogPanel? _current;

    /// <summary>The panel of the latest registration; the route and renderer are added once and read this.</summary>
    public static LogPanel? Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
