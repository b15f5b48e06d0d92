using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace MetaMock.JobLogging.Hangfire.Logging;

/// <summary>
/// An <see cref="ILogger"/> that writes through Hangfire's own log provider. It is the fallback when no
/// <see cref="ILoggerFactory"/> was given (a lone attribute, or <c>UseMetaMockJobContext()</c> without one), so
/// failure lines still reach whatever Hangfire logs to: with Hangfire.NetCore's <c>AddHangfire</c> that is the
/// application's logger factory. It has no scopes; the ambient context is still on every line.
/// </summary>
internal sealed class HangfireLogBridge : ILogger
{
    public static readonly HangfireLogBridge Instance = new();

    private HangfireLogBridge()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    // Hangfire's provider decides; it is only asked when a line is written, which is rare (failures, retries).
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);

        // Looked up per line, so a log provider configured after this package was set up is still used.
        var log = LogProvider.GetLogger(JobLog.Category);
        log.Log(ToHangfire(logLevel), () => formatter(state, exception), exception);
    }

    private static HangfireLevel ToHangfire(LogLevel level) => level switch
    {
        LogLevel.Trace => HangfireLevel.Trace,
        LogLevel.Debug => HangfireLevel.Debug,
        LogLevel.Information => HangfireLevel.Info,
        LogLevel.Warning => HangfireLevel.Warn,
        LogLevel.Error => HangfireLevel.Error,
        _ => HangfireLevel.Fatal,
    };
}
