using System.Buffers;
using System.Text;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.ConsoleOutput;

/// <summary>
/// A Microsoft.Extensions.Logging.Console formatter that writes the original Python design's text line or the JSON line. MEL's console
/// logger formats on the caller's thread, so the ambient context read here is the log call's own.
/// </summary>
/// <remarks>
/// MEL's console logger lets a formatter's exception reach the caller (and keeps the half-written line for the next);
/// here nothing the application's values throw escapes: they become placeholders (see <see cref="UserText"/>), counted.
/// </remarks>
internal sealed class MetaMockConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "metamock";

    private readonly IOptionsMonitor<MetaMockLoggingOptions> _options;
    private readonly SenderCounters? _counters;
    private readonly TimeProvider _time;

    public MetaMockConsoleFormatter(IOptionsMonitor<MetaMockLoggingOptions> options, SenderCounters? counters = null, TimeProvider? time = null)
        : base(FormatterName)
    {
        _options = options;
        _counters = counters;
        _time = time ?? TimeProvider.System;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var placeholders = 0;
        var message = UserText.OfMessage(logEntry.State, logEntry.Exception, logEntry.Formatter, ref placeholders);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var context = MetaMockLogContext.Current;
        var exception = logEntry.Exception is null ? null : UserText.OfException(logEntry.Exception, ref placeholders);
        if (_options.CurrentValue.Format == LogFormat.Json)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            var stamp = LineOrigin.TakeForConsole();
            var time = stamp.UtcTicks != 0 ? new DateTimeOffset(stamp.UtcTicks, TimeSpan.Zero) : _time.GetUtcNow();
            placeholders += JsonLine.Write(buffer, new JsonLineParts(
                time, logEntry.LogLevel, logEntry.Category, message ?? string.Empty, context,
                exception, logEntry.State as IEnumerable<KeyValuePair<string, object?>>, scopeProvider, stamp.Sequence));
            textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            textWriter.Write(Environment.NewLine);
        }
        else
        {
            TextLine.WriteRecord(textWriter, logEntry.LogLevel, context, message ?? string.Empty, exception);
        }

        if (placeholders > 0)
        {
            _counters?.AddPlaceholders(placeholders);
        }
    }
}
