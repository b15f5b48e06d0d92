using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MetaMock.JobLogging.Tests.Support;

/// <summary>
/// Stands where Microsoft's console provider stands, running the real formatter on the caller's thread as MEL's
/// console logger does, but writing into memory so tests can read the exact console text.
/// </summary>
internal sealed class FormattingConsoleProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter;
    private readonly StringBuilder _output = new();
    private readonly List<string> _writes = [];
    private IExternalScopeProvider? _scopes;

    public FormattingConsoleProvider(ConsoleFormatter formatter) => _formatter = formatter;

    public string Text
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public IReadOnlyList<string> Records => Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What each call wrote, whole (a record may span lines), without the final line break; calls that wrote nothing are left out.</summary>
    public IReadOnlyList<string> Writes
    {
        get
        {
            lock (_output)
            {
                return [.. _writes];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(FormattingConsoleProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            owner._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, writer);
            lock (owner._output)
            {
                owner._output.Append(writer);
                var written = writer.ToString();
                if (written.Length > 0)
                {
                    owner._writes.Add(written[..^Environment.NewLine.Length]);
                }
            }
        }
    }
}
