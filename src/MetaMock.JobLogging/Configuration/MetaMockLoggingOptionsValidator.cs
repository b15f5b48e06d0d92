using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// Stops the start on settings that can only fail later: a retention CloudWatch refuses would otherwise surface as a
/// background error long after deployment. Each failure names the setting and what is allowed.
/// </summary>
internal sealed class MetaMockLoggingOptionsValidator : IValidateOptions<MetaMockLoggingOptions>
{
    public ValidateOptionsResult Validate(string? name, MetaMockLoggingOptions options)
    {
        var failures = new List<string>();
        CheckGroup(failures, "LogGroup (CLOUDWATCH_LOG_GROUP)", options.LogGroup);
        if (options.JobLogGroup is { } jobGroup)
        {
            CheckGroup(failures, "JobLogGroup (CLOUDWATCH_JOB_LOG_GROUP)", jobGroup);
        }

        CheckRetention(failures, "RetentionDays (CLOUDWATCH_RETENTION_DAYS)", options.RetentionDays);
        CheckRetention(failures, "JobRetentionDays (CLOUDWATCH_JOB_RETENTION_DAYS)", options.JobRetentionDays);
        if (options.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"MetaMock.JobLogging: FlushInterval must be positive; it is {options.FlushInterval}.");
        }

        if (options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"MetaMock.JobLogging: ShutdownTimeout must not be negative; it is {options.ShutdownTimeout}.");
        }

        if (options.MaxBufferedEvents < 1 || options.MaxBufferedBytes < 1 || options.MaxParallelStreams < 1)
        {
            failures.Add("MetaMock.JobLogging: MaxBufferedEvents, MaxBufferedBytes and MaxParallelStreams must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A group name CloudWatch refuses would fail every call with InvalidParameterException, long after the start.
    private static void CheckGroup(List<string> failures, string setting, string name)
    {
        var valid = name.Length is >= 1 and <= 512
            && !name.StartsWith("aws/", StringComparison.Ordinal)
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#');
        if (!valid)
        {
            failures.Add($"MetaMock.JobLogging: {setting} is \"{name}\", which is not a valid log group name: 1-512 characters of A-Z, a-z, 0-9, '.', '-', '_', '/', '#', not starting with 'aws/'.");
        }
    }

    private static void CheckRetention(List<string> failures, string setting, int? days)
    {
        if (days is { } value && !RetentionDays.IsAllowed(value))
        {
            failures.Add($"MetaMock.JobLogging: {setting} is {value}, which CloudWatch Logs does not accept; allowed: {RetentionDays.AllowedText}.");
        }
    }
}
