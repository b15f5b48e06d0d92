using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// Finds CloudWatch settings that can only fail later: a group name or retention CloudWatch refuses would otherwise
/// surface as a background error long after deployment. Each failure names the setting, its value and what is allowed;
/// <see cref="StartupReport"/> decides whether it stops the start.
/// </summary>
internal static class CloudWatchSettingsCheck
{
    public static List<string> Failures(MetaMockLoggingOptions options)
    {
        var failures = new List<string>();
        CheckGroup(failures, "LogGroup (CLOUDWATCH_LOG_GROUP)", options.LogGroup);
        if (options.JobLogGroup is { } jobGroup)
        {
            CheckGroup(failures, "JobLogGroup (CLOUDWATCH_JOB_LOG_GROUP)", jobGroup);
        }

        if (!RegionName.IsValid(options.Region))
        {
            failures.Add($"Region (AWS_REGION) is \"{options.Region}\", which is not {RegionName.Accepted}.");
        }

        CheckRetention(failures, "RetentionDays (CLOUDWATCH_RETENTION_DAYS)", options.RetentionDays);
        CheckRetention(failures, "JobRetentionDays (CLOUDWATCH_JOB_RETENTION_DAYS)", options.JobRetentionDays);
        if (options.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"FlushInterval must be positive; it is {options.FlushInterval}.");
        }

        if (options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"ShutdownTimeout must not be negative; it is {options.ShutdownTimeout}.");
        }

        if (options.MaxBufferedEvents < 1 || options.MaxBufferedBytes < 1)
        {
            failures.Add("MaxBufferedEvents and MaxBufferedBytes must be at least 1.");
        }

        if (options.MaxParallelStreams is < 1 or > 64)
        {
            failures.Add($"MaxParallelStreams (CLOUDWATCH_MAX_PARALLEL_STREAMS) is {options.MaxParallelStreams}; accepted: {Settings.ParallelStreamsAccepted}.");
        }

        CheckSpool(failures, options);
        return failures;
    }

    // Only a spool in use is checked: its settings do nothing otherwise. The environment's parser already refuses these
    // values; this catches them when set in code, where they would fail inside the sender instead.
    private static void CheckSpool(List<string> failures, MetaMockLoggingOptions options)
    {
        if (options.SpoolDirectory is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.SpoolDirectory))
        {
            failures.Add("SpoolDirectory (CLOUDWATCH_SPOOL_DIR) is empty; set a directory, or leave it unset to keep events in memory.");
        }

        if (!Enum.IsDefined(options.SpoolSync))
        {
            failures.Add($"SpoolSync (CLOUDWATCH_SPOOL_SYNC) is {options.SpoolSync}; allowed: None, Interval, Always.");
        }

        if (options.SpoolSyncInterval <= TimeSpan.Zero)
        {
            failures.Add($"SpoolSyncInterval (CLOUDWATCH_SPOOL_SYNC_INTERVAL) must be positive; it is {options.SpoolSyncInterval}.");
        }

        if (options.MaxSpoolBytes < SpoolSetup.SmallestMaxBytes)
        {
            failures.Add($"MaxSpoolBytes (CLOUDWATCH_SPOOL_MAX_BYTES) is {options.MaxSpoolBytes}; accepted: {SpoolSetup.MaxBytesAccepted}.");
        }
    }

    // A group name CloudWatch refuses would fail every call with InvalidParameterException, long after the start.
    private static void CheckGroup(List<string> failures, string setting, string name)
    {
        var valid = name.Length is >= 1 and <= 512
            && !name.StartsWith("aws/", StringComparison.Ordinal)
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#');
        if (!valid)
        {
            failures.Add($"{setting} is \"{name}\", which is not a valid log group name: 1-512 characters of A-Z, a-z, 0-9, '.', '-', '_', '/', '#', not starting with 'aws/'.");
        }
    }

    private static void CheckRetention(List<string> failures, string setting, int? days)
    {
        if (days is { } value && !RetentionDays.IsAllowed(value))
        {
            failures.Add($"{setting} is {value}, which CloudWatch Logs does not accept; allowed: {RetentionDays.AllowedText}.");
        }
    }
}
