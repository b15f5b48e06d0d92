using MetaMock.JobLogging;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MetaMock.DemoWorker.Summary;

/// <summary>
/// Counts log lines by the stream they belong to (<c>jobs/{job_id}</c>, or the worker's own stream), read from the
/// ambient context at each call, for the closing summary.
/// </summary>
internal sealed class StreamLineCounter : ILoggerProvider
{
    public const string WorkerStream = "(worker stream)";

    private readonly ConcurrentDictionary<string, int> _lines = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Counter(_lines);

    public void Dispose()
    {
    }

    private sealed class Counter(ConcurrentDictionary<string, int> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var stream = MetaMockLogContext.GetJobContext() is { } job ? $"jobs/{job.JobId}" : WorkerStream;
            lines.AddOrUpdate(stream, 1, (_, n) => n + 1);
        }
    }
}
