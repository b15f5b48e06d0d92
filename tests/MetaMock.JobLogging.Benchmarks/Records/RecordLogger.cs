using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Records;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Records;

/// <summary>
/// What the log call will do once records are wired in: take the time and the context, defer the message where
/// <see cref="DeferredMessage"/> allows, encode one record and append it. The category is interned once per logger.
/// </summary>
internal sealed class RecordLogger : ILogger
{
    private readonly SegmentLog _log;
    private readonly InternedText _category;

    public RecordLogger(SegmentLog log, InternTables tables, string category)
    {
        _log = log;
        _category = tables.Category(category);
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var deferred = DeferredMessage.TryDefer(state, formatter);
        try
        {
            var message = (object?)deferred ?? formatter(state, exception);
            var e = new LogEvent(TimeProvider.System.GetUtcNow().UtcTicks, logLevel, _category, MetaMockLogContext.Current, message, exception?.ToString(), null, null, 0, deferred is null ? null : TypedValues<TState>.Reader);
            if (_log.Append(e) != AppendResult.Accepted)
            {
                throw new InvalidOperationException("The benchmark's segments are sized so that no append is refused.");
            }
        }
        finally
        {
            deferred?.Release();
        }
    }
}
