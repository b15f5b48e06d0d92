using MetaMock.JobLogging.Formatting;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Dashboard.Local;

/// <summary>
/// A logger provider that keeps each job's lines in <see cref="RecentJobLines"/>, written the way the CloudWatch
/// route writes them, so the panel reads the same text with or without CloudWatch. Lines outside a job are ignored.
/// </summary>
internal sealed class RecentJobLinesProvider : ILoggerProvider
{
    private readonly RecentJobLines _store;
    private readonly TimeProvider _time;

    public RecentJobLinesProvider(RecentJobLines store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public ILogger CreateLogger(string categoryName) => new StoreLogger(this);

    public void Dispose()
    {
    }

    private void Write<TState>(LogLevel level, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (MetaMockLogContext.Current is not { JobId: { } jobId } context)
        {
            return;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TextLine.Write(text, level, context, formatter(state, exception), exception);
        var line = text.ToString().TrimEnd('\r', '\n');
        _store.Add(jobId, new PanelLine(_time.GetUtcNow().ToUnixTimeMilliseconds(), line, LevelNames.Of(level), context.TaskName, context.TaskRunId));
    }

    private sealed class StoreLogger(RecentJobLinesProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, state, exception, formatter);
            }
        }
    }
}
