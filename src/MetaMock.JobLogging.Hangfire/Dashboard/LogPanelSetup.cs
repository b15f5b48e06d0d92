using Hangfire;
using Hangfire.Dashboard;
using MetaMock.JobLogging.CloudWatch.Wire.Reading;
using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;
using MetaMock.JobLogging.Hangfire.Dashboard.Local;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>
/// Wires the panel into Hangfire once (renderer, route, script and styles are process-wide in Hangfire); a later call
/// replaces the panel's settings and source.
/// </summary>
internal static class LogPanelSetup
{
    private const string Assets = "MetaMock.JobLogging.Hangfire.Dashboard.Assets.";
    private const int MaxLinesPerCall = 10_000;
    private static int _registered;

    public static IGlobalConfiguration Register(
        IGlobalConfiguration configuration, MetaMockJobLogsOptions options, ILoggerFactory? loggerFactory, TimeProvider time, SenderCounters? counters = null)
    {
        CheckRanges(options);
        var logging = options.Logging ?? EnvironmentOptions.Read(EnvironmentVariables.Process, Console.Error);
        var jobs = new JobLookup(JobLookup.RegisteredDefaults, options.LiveAfterLastStateChange, time);
        LogPanel.Current = logging.CloudWatchEnabled
            ? new LogPanel(options, new CloudWatchLineSource(logging, options, time, ct => LogReaderFactory.CreateAsync(logging, ct)), jobs, null)
            : LocalPanel(options, loggerFactory, jobs, time, counters);

        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return configuration;
        }

        var assembly = typeof(LogPanelSetup).Assembly;
        DashboardRoutes.Routes.Add("^" + LogPanel.Route + "$", new LogLinesDispatcher());
        return configuration
            .UseJobDetailsRenderer(LogPanelRenderer.Order, LogPanelRenderer.Render)
            .UseDashboardJavaScript(assembly, Assets + "metamock-logs.js")
            .UseDashboardStylesheet(assembly, Assets + "metamock-logs.css")
            .UseDashboardStylesheetDarkMode(assembly, Assets + "metamock-logs-dark.css");
    }

    // GetLogEvents takes a limit of 1 to 10,000 and answers anything else with InvalidParameterException, which the
    // panel would show for every job; a budget below one call would refuse every read.
    private static void CheckRanges(MetaMockJobLogsOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageLines, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageLines, MaxLinesPerCall);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LatestLines, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.LatestLines, MaxLinesPerCall);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCloudWatchCallsPerSecond, 1);
    }

    private static LogPanel LocalPanel(MetaMockJobLogsOptions options, ILoggerFactory? loggerFactory, JobLookup jobs, TimeProvider time, SenderCounters? counters)
    {
        var store = new RecentJobLines(options.LocalJobs, options.LocalLinesPerJob, options.PageLines);
        loggerFactory?.AddProvider(new RecentJobLinesProvider(store, time, counters));
        var note = loggerFactory is null
            ? "CloudWatch is off and no logger factory was given, so no lines are kept."
            : "CloudWatch is off: these are the lines this process logged (its most recent jobs only).";
        return new LogPanel(options, store, jobs, note);
    }
}
