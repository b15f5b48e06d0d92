using Hangfire.Dashboard;

namespace MetaMock.JobLogging.Hangfire;

/// <summary>Settings of the dashboard's "Log lines" panel (<c>UseMetaMockJobLogs</c>).</summary>
public sealed class MetaMockJobLogsOptions
{
    /// <summary>Where the job streams are read: the logger's settings. Null: the logger's registered options, else the environment variables.</summary>
    public MetaMockLoggingOptions? Logging { get; set; }

    /// <summary>
    /// An extra check after the dashboard's own authorization, for the lines only (they may hold personal data that
    /// read-only dashboard users must not see). Null: whoever may open the dashboard may read the lines.
    /// </summary>
    public Func<DashboardContext, bool>? CanViewLogs { get; set; }

    /// <summary>The most CloudWatch Logs calls per second the panel makes in this process (at least 1; retries not counted); above it the panel is answered 429. Default 10.</summary>
    public int MaxCloudWatchCallsPerSecond { get; set; } = 10;

    /// <summary>Lines per answer when reading from the start or loading more, 1 to 10,000. Default 500.</summary>
    public int PageLines { get; set; } = 500;

    /// <summary>How many lines the "latest" view shows for a long stream, 1 to 10,000. Default 1,000.</summary>
    public int LatestLines { get; set; } = 1_000;

    /// <summary>Bytes of finished pages kept in memory, so reopening a long stream costs no CloudWatch call. Default 8 MB.</summary>
    public long CacheBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>How long after the job's last state change the panel keeps polling for new lines. Default 2 minutes.</summary>
    public TimeSpan LiveAfterLastStateChange { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Without CloudWatch: how many jobs the in-process store keeps lines for (the most recent). Default 1,000.</summary>
    public int LocalJobs { get; set; } = 1_000;

    /// <summary>Without CloudWatch: how many lines per job the in-process store keeps (the latest). Default 1,000.</summary>
    public int LocalLinesPerJob { get; set; } = 1_000;
}
