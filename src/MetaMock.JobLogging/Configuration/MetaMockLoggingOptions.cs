using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging;

/// <summary>
/// Settings of MetaMock logging. Sources, weakest first: these defaults, the <c>MetaMockLogging</c> configuration
/// section, the environment variables (<c>ENVIRONMENT</c>, <c>LOG_LEVEL</c>, ...), then code.
/// </summary>
public sealed class MetaMockLoggingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "MetaMockLogging";

    /// <summary>
    /// <c>ENVIRONMENT</c>: development or production (any name other than development counts as production). Unset,
    /// the host's environment decides (a host's default is Production); without a host, development.
    /// </summary>
    public MetaMockEnvironment Environment { get; set; } = MetaMockEnvironment.Development;

    /// <summary><c>USE_CLOUDWATCH</c>: send logs to CloudWatch when the environment is production (default false).</summary>
    public bool UseCloudWatch { get; set; }

    /// <summary>
    /// <c>LOG_LEVEL</c>: the default minimum level. Null (the default) leaves Microsoft.Extensions.Logging's own
    /// rules alone, whose default is Information; category rules from <c>Logging:LogLevel</c> always still apply.
    /// </summary>
    public LogLevel? LogLevel { get; set; }

    /// <summary><c>CLOUDWATCH_LOG_GROUP</c>: the log group (default <c>metamock-app</c>).</summary>
    public string LogGroup { get; set; } = "metamock-app";

    /// <summary><c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>: the AWS region (default <c>ap-south-1</c>).</summary>
    public string Region { get; set; } = "ap-south-1";

    /// <summary><c>SERVICE_NAME</c>: the <c>{service}</c> part of the default stream; null means the entry assembly's name in lower case.</summary>
    public string? ServiceName { get; set; }

    /// <summary><c>LOG_FORMAT</c>: text (<c>[INFO] [context] message</c>, default) or json.</summary>
    public LogFormat Format { get; set; } = LogFormat.Text;

    /// <summary>
    /// <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c>, else <c>AWS_ENDPOINT_URL</c>: the CloudWatch Logs endpoint. Null (the
    /// default) means <c>https://logs.{Region}.amazonaws.com</c>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// <c>CLOUDWATCH_RETENTION_DAYS</c>: retention applied to <see cref="LogGroup"/> with PutRetentionPolicy. Null (the
    /// default) leaves the group's retention alone; a value CloudWatch does not allow stops the start with an error.
    /// </summary>
    public int? RetentionDays { get; set; }

    /// <summary>
    /// <c>CLOUDWATCH_JOB_LOG_GROUP</c>: a separate group for the <c>jobs/{job_id}</c> streams. CloudWatch keeps retention
    /// per group, so this is the only way to give job logs their own retention. Null (default): jobs share <see cref="LogGroup"/>.
    /// </summary>
    public string? JobLogGroup { get; set; }

    /// <summary><c>CLOUDWATCH_JOB_RETENTION_DAYS</c>: retention of <see cref="JobLogGroup"/>; null leaves it alone.</summary>
    public int? JobRetentionDays { get; set; }

    /// <summary><c>CLOUDWATCH_FLUSH_INTERVAL</c> (seconds): how long events may wait before a send (default 1 s).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>CLOUDWATCH_SHUTDOWN_TIMEOUT</c> (seconds): how long disposal may take to deliver what is buffered (default 10 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>CLOUDWATCH_BUFFER_MAX_EVENTS</c>: events held for CloudWatch (queued or being retried) before
    /// <see cref="BufferFullMode"/> applies (default 100,000).
    /// </summary>
    public int MaxBufferedEvents { get; set; } = 100_000;

    /// <summary>
    /// <c>CLOUDWATCH_BUFFER_MAX_BYTES</c>: memory those events may hold, counted as each event's record as captured at the
    /// call (or, once formatted, the line's UTF-8 size plus a fixed overhead, when larger) (default 64 MiB).
    /// </summary>
    public long MaxBufferedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary><c>CLOUDWATCH_BUFFER_FULL_MODE</c>: drop_newest (default: drop and count) or wait (the log call blocks until there is room).</summary>
    public BufferFullMode BufferFullMode { get; set; } = BufferFullMode.DropNewest;

    /// <summary><c>CLOUDWATCH_MAX_PARALLEL_STREAMS</c>: how many PutLogEvents calls are in flight at once, 1 to 64 (default 4); one busy stream may use them all.</summary>
    public int MaxParallelStreams { get; set; } = 4;

    /// <summary>
    /// Credentials to sign CloudWatch calls with, set in code (a secrets store, an assumed role). Null (the default):
    /// AWSSDK.Core's default chain (environment variables, <c>AWS_PROFILE</c>, web identity, container and instance roles).
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>
    /// Makes the innermost HTTP handler of the CloudWatch client, for a proxy or custom TLS. Redirects are switched off
    /// on a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> (a redirect would carry a signature made
    /// for another URL). Null (the default): a <see cref="SocketsHttpHandler"/> with a 5 s connect timeout.
    /// </summary>
    public Func<HttpMessageHandler>? HttpHandlerFactory { get; set; }

    /// <summary>
    /// <c>CLOUDWATCH_SPOOL_DIR</c>: a directory where events wait for CloudWatch in memory-mapped files, so a killed
    /// process loses none; the next start sends them. Null (the default): events wait in memory.
    /// </summary>
    public string? SpoolDirectory { get; set; }

    /// <summary><c>CLOUDWATCH_SPOOL_SYNC</c>: none (default), interval or always; what each survives is in <see cref="JobLogging.SpoolSync"/>.</summary>
    public SpoolSync SpoolSync { get; set; } = SpoolSync.None;

    /// <summary><c>CLOUDWATCH_SPOOL_SYNC_INTERVAL</c>: how often the spool is written to the device in <see cref="SpoolSync.Interval"/> mode (default 1 s).</summary>
    public TimeSpan SpoolSyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>CLOUDWATCH_SPOOL_MAX_BYTES</c>: disk the spool's files may take (default 1 GiB); when full, <see cref="BufferFullMode"/> applies.</summary>
    public long MaxSpoolBytes { get; set; } = 1L << 30;

    /// <summary>True when lines go to CloudWatch as well as the console: production with CloudWatch enabled.</summary>
    internal bool CloudWatchEnabled => Environment == MetaMockEnvironment.Production && UseCloudWatch;
}
