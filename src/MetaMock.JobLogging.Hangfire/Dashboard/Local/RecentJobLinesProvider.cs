using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Formatting;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Dashboard.Local;

/// <summary>
/// A logger provider that keeps each job's lines in <see cref="RecentJobLines"/>, written the way the CloudWatch
/// route writes them, so the panel reads the same text with or without CloudWatch. Lines outside a job are ignored.
/// Text from the application's code goes through <see cref="UserText"/>, so what throws becomes a counted placeholder
/// and the log call never throws.
/// </summary>
internal sealed class RecentJobLinesProvider : ILoggerProvider
{
    private readonly RecentJobLines _store;
    private readonly TimeProvider _time;
    private readonly SenderCounters? _counters;

    public RecentJobLinesProvider(RecentJobLines store, TimeProvider time, SenderCounters? counters = null)
    {
        _store = store;
        _time = time;
        _counters = counters;
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

        var placeholders = 0;
        var message = UserText.OfMessage(state, exception, formatter, ref placeholders);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        placeholders += TextLine.Write(text, level, context, message ?? string.Empty, exception);
        if (placeholders > 0)
        {
            _counters?.AddPlaceholders(placeholders);
        }

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
