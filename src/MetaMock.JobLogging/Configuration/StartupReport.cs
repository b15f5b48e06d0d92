using System.Globalization;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// What the provider says once, on stderr, as it starts: where lines go, any setting CloudWatch would refuse, and the
/// spool in use, if any.
/// stderr keeps stdout for log lines alone (a JSON console stays parseable). A bad CloudWatch setting is only a warning
/// where CloudWatch is not used; where it is, it stops the process with one line and exit code 1, because logging
/// nowhere is worse than not starting, and an exception would end in a stack trace that buries the cause.
/// </summary>
internal sealed class StartupReport
{
    public const int ExitCode = 1;

    private readonly TextWriter _output;
    private readonly Action<int>? _exit;

    /// <param name="output">Where the lines go (stderr).</param>
    /// <param name="exit">Ends the process inside a host; null outside one, where the caller owns the process and gets an exception.</param>
    public StartupReport(TextWriter output, Action<int>? exit)
    {
        _output = output;
        _exit = exit;
    }

    /// <summary>Reports bad settings and where lines go; false when CloudWatch must not start.</summary>
    public bool Check(MetaMockLoggingOptions options)
    {
        var failures = CloudWatchSettingsCheck.Failures(options);
        if (failures.Count > 0 && options.CloudWatchEnabled)
        {
            var line = $"MetaMock.JobLogging: {failures[0]} CloudWatch Logs cannot be used with it; stopping (exit code {ExitCode}).";
            Write(line);
            if (_exit is null)
            {
                throw new InvalidOperationException(line);
            }

            _exit(ExitCode);
            return false;
        }

        foreach (var failure in failures)
        {
            Write($"MetaMock.JobLogging: warning: {failure} Ignored while CloudWatch Logs is not used.");
        }

        Write(Destination(options));
        return options.CloudWatchEnabled;
    }

    /// <summary>
    /// The line for a spool in use: its directory and slot, the sync mode and what it survives, the disk bound, and what a
    /// dead process left there to send. Written by <see cref="SpoolSetup.Open"/>, once the slot is claimed.
    /// </summary>
    public static string Spool(MetaMockLoggingOptions options, SpoolSlot slot)
    {
        var sync = options.SpoolSync switch
        {
            SpoolSync.Interval => $"sync interval: an fsync every {Seconds(options.SpoolSyncInterval)} s, so a power cut loses at most that",
            SpoolSync.Always => "sync always: an fsync before each send",
            _ => "sync none: survives a killed process, not a power cut",
        };
        var adopted = slot.Recovered.Count > 0
            ? $"; {slot.Recovered.Count} segment file(s) a process left unsent when it stopped are replayed"
            : string.Empty;
        return $"MetaMock.JobLogging: spool on: events wait for CloudWatch Logs in slot {Path.GetFileName(slot.Path)} of {Path.GetDirectoryName(slot.Path)} ({sync}; at most {Bytes(options.MaxSpoolBytes)} of segment files){adopted}.";
    }

    private static string Destination(MetaMockLoggingOptions options)
    {
        var environment = options.Environment == MetaMockEnvironment.Development ? "development" : "production";
        if (!options.CloudWatchEnabled)
        {
            var hint = options.UseCloudWatch
                ? " USE_CLOUDWATCH=true is ignored in development: set ENVIRONMENT=production (or run the host as Production or Staging) to send lines to CloudWatch Logs."
                : string.Empty;
            var spool = options.SpoolDirectory is null ? string.Empty : " The spool (CLOUDWATCH_SPOOL_DIR) holds events for CloudWatch Logs only, so it is not used.";
            return $"MetaMock.JobLogging: environment {environment}; log lines go to the console only.{hint}{spool}";
        }

        var jobs = options.JobLogGroup is { } jobGroup ? $" (job streams: group {jobGroup})" : string.Empty;
        return $"MetaMock.JobLogging: environment {environment}; log lines go to CloudWatch Logs group {options.LogGroup}{jobs} at {CloudWatchEndpoint.Display(options)}, region {options.Region}, and WARNING and above to the console.";
    }

    private static string Seconds(TimeSpan interval) => interval.TotalSeconds.ToString(CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes switch
    {
        _ when bytes % (1L << 30) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GiB"),
        _ when bytes % (1L << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private void Write(string line)
    {
        _output.WriteLine(line);
        _output.Flush();
    }
}
