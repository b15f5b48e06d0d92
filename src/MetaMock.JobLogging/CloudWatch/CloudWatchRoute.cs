using MetaMock.JobLogging.CloudWatch.Sending;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// The log call's side of CloudWatch: captures an event (time of the call, level, category, the message, formatted
/// now unless <see cref="DeferredMessage"/> lets the sender do it, exception, the context snapshot by reference) and
/// hands it to the buffer. No I/O, no routing, no formatting of the
/// line here: that is the background sender's work.
/// </summary>
internal sealed class CloudWatchRoute : IDisposable
{
    private readonly ILogEventBuffer _buffer;
    private readonly CloudWatchSender _sender;
    private readonly SenderCounters _counters;
    private readonly TimeProvider _time;
    private readonly bool _keepState;
    private readonly bool _waitWhenFull;
    private volatile bool _disposed;
    private IExternalScopeProvider? _scopes;

    public CloudWatchRoute(MetaMockLoggingOptions options, ILogEventBuffer buffer, CloudWatchSender sender, SenderCounters counters, TimeProvider time)
    {
        _buffer = buffer;
        _sender = sender;
        _counters = counters;
        _time = time;
        _keepState = options.Format == LogFormat.Json;
        _waitWhenFull = options.BufferFullMode == BufferFullMode.Wait;
    }

    /// <summary>False after dispose or once CloudWatch was given up; the logger then writes every level to the console.</summary>
    public bool IsActive => !_disposed && !_sender.ConsoleOnly;

    public void Capture<TState>(LogLevel level, string category, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var deferred = DeferredMessage.TryDefer(state, formatter, out var chars);
        var placeholders = 0;
        var message = deferred ?? UserText.OfMessage(state, exception, formatter, ref placeholders) ?? string.Empty;
        if (placeholders > 0)
        {
            _counters.AddPlaceholders(placeholders);
        }

        var item = new CapturedEvent(
            _time.GetUtcNow(),
            level,
            category,
            message,
            deferred is null ? ((string)message).Length : chars,
            exception,
            MetaMockLogContext.Current,
            _keepState ? (deferred ?? state) as IReadOnlyList<KeyValuePair<string, object?>> : null,
            _keepState ? CapturedScopes.Capture(_scopes) : null,
            _keepState ? LineOrigin.NextSequence() : 0);
        var result = _buffer.TryWrite(in item, _waitWhenFull);
        if (result != BufferWriteResult.Accepted)
        {
            _counters.AddDropped(result == BufferWriteResult.Full ? DropReasons.BufferFull : DropReasons.AfterDispose, 1);
        }
    }

    /// <summary>A record the logger wrote to the console because this route is not active (CloudWatch given up, or disposed).</summary>
    public void CountWrittenToConsole() => _counters.AddWrittenToConsole(1);

    /// <summary>The logger factory's scope provider: JSON events carry the scopes open at the call, like the console's.</summary>
    public void SetScopeProvider(IExternalScopeProvider scopes) => _scopes = scopes;

    public void Dispose()
    {
        _disposed = true;
        _sender.Dispose();
    }
}
