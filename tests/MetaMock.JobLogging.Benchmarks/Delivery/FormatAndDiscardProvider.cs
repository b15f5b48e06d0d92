using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// The least a Microsoft.Extensions.Logging provider can do with an event: format its message, then forget it. Its
/// rate is the ceiling no MEL-based logger can pass with the same producer, which puts B2's figures in perspective.
/// </summary>
internal sealed class FormatAndDiscardProvider : ILoggerProvider, ILogger
{
    private long _characters;

    /// <summary>Characters formatted, so the formatting can't be optimised away.</summary>
    public long Characters => Interlocked.Read(ref _characters);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _characters += formatter(state, exception).Length;
    }

    public void Dispose()
    {
    }
}
