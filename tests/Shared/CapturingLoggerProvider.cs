using System.Collections.Concurrent;
using MetaMock.JobLogging;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Testing;

/// <summary>
/// A logger provider that records every call with the ambient MetaMock context read on the caller's thread,
/// and the key/value scopes open at that moment. Shared by the test projects (linked, not copied).
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Every captured line, in the order the calls completed.</summary>
    public IReadOnlyList<CapturedLine> Lines => _lines.ToArray();

    /// <summary>Lines whose message contains the text.</summary>
    public IReadOnlyList<CapturedLine> Containing(string text) => Lines.Where(l => l.Message.Contains(text, StringComparison.Ordinal)).ToList();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            owner._scopes.ForEachScope(
                static (scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs);
                    }
                },
                scopes);
            owner._lines.Enqueue(new CapturedLine(
                logLevel, category, formatter(state, exception), exception,
                MetaMockLogContext.GetUserContext(), MetaMockLogContext.GetJobContext(), scopes));
        }
    }
}
