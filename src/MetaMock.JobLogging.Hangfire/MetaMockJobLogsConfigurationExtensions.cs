using Hangfire;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Hangfire.Dashboard;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Hangfire;

/// <summary>Adds the "Log lines" panel to the job page of the Hangfire dashboard.</summary>
public static class MetaMockJobLogsConfigurationExtensions
{
    /// <summary>
    /// Shows each job's lines on its dashboard page, read from its CloudWatch Logs stream (or, with CloudWatch off, from
    /// this process's recent lines, captured through <paramref name="loggerFactory"/>).
    /// </summary>
    public static IGlobalConfiguration UseMetaMockJobLogs(
        this IGlobalConfiguration configuration,
        Action<MetaMockJobLogsOptions>? configure = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MetaMockJobLogsOptions();
        configure?.Invoke(options);
        return LogPanelSetup.Register(configuration, options, loggerFactory, TimeProvider.System);
    }

    /// <summary>
    /// The DI form, for <c>services.AddHangfire((provider, config) => config.UseMetaMockJobLogs(provider))</c>: the
    /// logger's registered options say where the streams are, and its logger factory feeds the in-process store.
    /// </summary>
    public static IGlobalConfiguration UseMetaMockJobLogs(
        this IGlobalConfiguration configuration,
        IServiceProvider services,
        Action<MetaMockJobLogsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(services);
        var options = new MetaMockJobLogsOptions
        {
            Logging = (services.GetService(typeof(IOptions<MetaMockLoggingOptions>)) as IOptions<MetaMockLoggingOptions>)?.Value,
        };
        configure?.Invoke(options);
        var loggerFactory = services.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
        return LogPanelSetup.Register(configuration, options, loggerFactory, TimeProvider.System, services.GetService(typeof(SenderCounters)) as SenderCounters);
    }
}
