using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// What the provider says once, on stderr, as it starts: where lines go, and any setting CloudWatch would refuse.
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

    private static string Destination(MetaMockLoggingOptions options)
    {
        var environment = options.Environment == MetaMockEnvironment.Development ? "development" : "production";
        if (!options.CloudWatchEnabled)
        {
            var hint = options.UseCloudWatch
                ? " USE_CLOUDWATCH=true is ignored in development: set ENVIRONMENT=production (or run the host as Production or Staging) to send lines to CloudWatch Logs."
                : string.Empty;
            return $"MetaMock.JobLogging: environment {environment}; log lines go to the console only.{hint}";
        }

        var jobs = options.JobLogGroup is { } jobGroup ? $" (job streams: group {jobGroup})" : string.Empty;
        return $"MetaMock.JobLogging: environment {environment}; log lines go to CloudWatch Logs group {options.LogGroup}{jobs} at {CloudWatchEndpoint.Display(options)}, region {options.Region}, and WARNING and above to the console.";
    }

    private void Write(string line)
    {
        _output.WriteLine(line);
        _output.Flush();
    }
}
