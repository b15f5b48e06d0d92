using System.Globalization;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Configuration;

/// <summary>Every setting that text sources can give, and how each value is read.</summary>
internal static class Settings
{
    public const string ParallelStreamsAccepted = "a whole number from 1 to 64";

    public static readonly IReadOnlyList<Setting> All =
    [
        new("ENVIRONMENT", "Environment", "development, production, or any other name (staging, test...: treated as production)",
            (text, o) => TryEnvironment(text) is { } value && Apply(() => o.Environment = value)),
        new("USE_CLOUDWATCH", "UseCloudWatch", "true, false, 1, 0, yes, no",
            (text, o) => TryBool(text) is { } value && Apply(() => o.UseCloudWatch = value)),
        new("LOG_LEVEL", "LogLevel", "TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL (or .NET's Trace, Debug, Information, Warning, Error, Critical, None)",
            (text, o) => TryLevel(text) is { } value && Apply(() => o.LogLevel = value)),
        new("CLOUDWATCH_LOG_GROUP", "LogGroup", "a non-empty log group name",
            (text, o) => !string.IsNullOrWhiteSpace(text) && Apply(() => o.LogGroup = text.Trim())),
        new("AWS_DEFAULT_REGION", "Region", RegionName.Accepted,
            (text, o) => TryRegion(text) is { } value && Apply(() => o.Region = value)),
        // AWS_REGION is the SDKs' newer name and wins over AWS_DEFAULT_REGION, so it is read after it.
        new("AWS_REGION", "", RegionName.Accepted,
            (text, o) => TryRegion(text) is { } value && Apply(() => o.Region = value)),
        new("SERVICE_NAME", "ServiceName", "a non-empty service name",
            (text, o) => !string.IsNullOrWhiteSpace(text) && Apply(() => o.ServiceName = text.Trim())),
        new("LOG_FORMAT", "Format", "text, json",
            (text, o) => TryFormat(text) is { } value && Apply(() => o.Format = value)),
        new("AWS_ENDPOINT_URL", "ServiceUrl", "an absolute http or https URL",
            (text, o) => TryUrl(text) is { } value && Apply(() => o.ServiceUrl = value)),
        // The service-specific variable wins over the general one, so it is read after it.
        new("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "", "an absolute http or https URL",
            (text, o) => TryUrl(text) is { } value && Apply(() => o.ServiceUrl = value)),
        // Retention values are only parsed here; the options validator rejects a day count CloudWatch does not allow.
        new("CLOUDWATCH_RETENTION_DAYS", "RetentionDays", RetentionDays.AllowedText,
            (text, o) => TryInt(text) is { } value && Apply(() => o.RetentionDays = value)),
        new("CLOUDWATCH_JOB_LOG_GROUP", "JobLogGroup", "a non-empty log group name",
            (text, o) => !string.IsNullOrWhiteSpace(text) && Apply(() => o.JobLogGroup = text.Trim())),
        new("CLOUDWATCH_JOB_RETENTION_DAYS", "JobRetentionDays", RetentionDays.AllowedText,
            (text, o) => TryInt(text) is { } value && Apply(() => o.JobRetentionDays = value)),
        new("CLOUDWATCH_FLUSH_INTERVAL", "FlushInterval", "a positive number of seconds such as 1 or 0.5",
            (text, o) => TrySeconds(text) is { } value && Apply(() => o.FlushInterval = value)),
        new("CLOUDWATCH_SHUTDOWN_TIMEOUT", "ShutdownTimeout", "a positive number of seconds such as 10",
            (text, o) => TrySeconds(text) is { } value && Apply(() => o.ShutdownTimeout = value)),
        new("CLOUDWATCH_BUFFER_MAX_EVENTS", "MaxBufferedEvents", "a positive whole number",
            (text, o) => TryInt(text) is > 0 and var value && Apply(() => o.MaxBufferedEvents = value)),
        new("CLOUDWATCH_BUFFER_MAX_BYTES", "MaxBufferedBytes", "a positive whole number of bytes",
            (text, o) => TryLong(text) is > 0 and var value && Apply(() => o.MaxBufferedBytes = value)),
        new("CLOUDWATCH_BUFFER_FULL_MODE", "BufferFullMode", "drop_newest, wait",
            (text, o) => TryFullMode(text) is { } value && Apply(() => o.BufferFullMode = value)),
        new("CLOUDWATCH_MAX_PARALLEL_STREAMS", "MaxParallelStreams", ParallelStreamsAccepted,
            (text, o) => TryInt(text) is >= 1 and <= 64 and var value && Apply(() => o.MaxParallelStreams = value)),
        new("CLOUDWATCH_SPOOL_DIR", "SpoolDirectory", "a directory path (a relative one is resolved against the current directory at start-up)",
            (text, o) => TryPath(text) is { } value && Apply(() => o.SpoolDirectory = value)),
        new("CLOUDWATCH_SPOOL_SYNC", "SpoolSync", "none, interval, always",
            (text, o) => TrySync(text) is { } value && Apply(() => o.SpoolSync = value)),
        new("CLOUDWATCH_SPOOL_SYNC_INTERVAL", "SpoolSyncInterval", "a positive number of seconds such as 1 or 0.5",
            (text, o) => TrySeconds(text) is { } value && Apply(() => o.SpoolSyncInterval = value)),
        new("CLOUDWATCH_SPOOL_MAX_BYTES", "MaxSpoolBytes", SpoolSetup.MaxBytesAccepted,
            (text, o) => TryLong(text) is { } value && value >= SpoolSetup.SmallestMaxBytes && Apply(() => o.MaxSpoolBytes = value)),
    ];

    public static LogLevel? TryLevel(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARNING" or "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" => LogLevel.Critical,
        "NONE" => LogLevel.None,
        _ => null,
    };

    private static bool? TryBool(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => null,
    };

    /// <summary>Development is the one name that means development; every other name (Staging, Test...) is production-like, as in a .NET host.</summary>
    public static MetaMockEnvironment EnvironmentFromName(string name) =>
        string.Equals(name.Trim(), "development", StringComparison.OrdinalIgnoreCase) ? MetaMockEnvironment.Development : MetaMockEnvironment.Production;

    private static MetaMockEnvironment? TryEnvironment(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : EnvironmentFromName(text);

    private static LogFormat? TryFormat(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TEXT" => LogFormat.Text,
        "JSON" => LogFormat.Json,
        _ => null,
    };

    private static int? TryInt(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? TryLong(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? TrySeconds(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static Uri? TryUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    // AWS's region names are lower case; the value is accepted in any case, as every other value is.
    private static string? TryRegion(string text) =>
        text.Trim() is var name && RegionName.IsValid(name) ? name.ToLowerInvariant() : null;

    private static BufferFullMode? TryFullMode(string text) => text.Trim().Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "DROPNEWEST" => BufferFullMode.DropNewest,
        "WAIT" => BufferFullMode.Wait,
        _ => null,
    };

    // Kept as given: the spool resolves a relative path when it starts, so the start-up line shows the directory used.
    private static string? TryPath(string text) =>
        string.IsNullOrWhiteSpace(text) || text.Contains('\0', StringComparison.Ordinal) ? null : text.Trim();

    private static SpoolSync? TrySync(string text) => text.Trim().ToUpperInvariant() switch
    {
        "NONE" => SpoolSync.None,
        "INTERVAL" => SpoolSync.Interval,
        "ALWAYS" => SpoolSync.Always,
        _ => null,
    };

    private static bool Apply(Action assign)
    {
        assign();
        return true;
    }
}
