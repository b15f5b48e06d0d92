using System.Buffers;
using System.Text;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.ConsoleOutput;

/// <summary>
/// A Microsoft.Extensions.Logging.Console formatter that writes the spec's text line or the JSON line. MEL's console
/// logger formats on the caller's thread, so the ambient context read here is the log call's own.
/// </summary>
internal sealed class MetaMockConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "metamock";

    private readonly IOptionsMonitor<MetaMockLoggingOptions> _options;
    private readonly TimeProvider _time;

    public MetaMockConsoleFormatter(IOptionsMonitor<MetaMockLoggingOptions> options, TimeProvider? time = null)
        : base(FormatterName)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var context = MetaMockLogContext.Current;
        if (_options.CurrentValue.Format == LogFormat.Json)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            JsonLine.Write(buffer, new JsonLineParts(
                _time.GetUtcNow(), logEntry.LogLevel, logEntry.Category, message ?? string.Empty, context,
                logEntry.Exception, logEntry.State as IEnumerable<KeyValuePair<string, object?>>, scopeProvider));
            textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            textWriter.Write(Environment.NewLine);
            return;
        }

        TextLine.Write(textWriter, logEntry.LogLevel, context, message ?? string.Empty, logEntry.Exception);
    }
}
