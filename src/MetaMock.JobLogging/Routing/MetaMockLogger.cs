using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Routing;

/// <summary>The logger of one category: hands each record that passed MEL's filters to its routes.</summary>
internal sealed class MetaMockLogger : ILogger
{
    private readonly ILogger _console;

    public MetaMockLogger(ILogger console) => _console = console;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _console.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.None)
        {
            return;
        }

        _console.Log(logLevel, eventId, state, exception, formatter);
    }
}
