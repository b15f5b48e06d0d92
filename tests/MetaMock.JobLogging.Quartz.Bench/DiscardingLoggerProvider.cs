using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Quartz.Bench;

/// <summary>
/// An enabled provider that formats each message and keeps nothing: the listener's lines and the firing's logger scope
/// are really produced (scopes are pushed, messages formatted), without measuring a console.
/// </summary>
internal sealed class DiscardingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public long Formatted;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(DiscardingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Length > 0)
            {
                Interlocked.Increment(ref owner.Formatted);
            }
        }
    }
}
