using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Sending;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Formatting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// The log call's side of CloudWatch: encodes the event into a self-contained record in the buffer's segments (time of
/// the call, level, interned category, context, the message formatted now unless <see cref="DeferredMessage"/> lets
/// the sender do it from the template and its values, the exception's text, and for JSON the named values and scope
/// properties as they are now). No reference to the caller's objects outlives the call; no I/O, routing or formatting
/// of the line here: that is the background sender's work.
/// </summary>
internal sealed class CloudWatchRoute : IDisposable
{
    private readonly RecordBuffer _buffer;
    private readonly CloudWatchSender _sender;
    private readonly SenderCounters _counters;
    private readonly TimeProvider _time;
    // The system clock read directly: its TimeProvider's virtual call and DateTimeOffset are a measurable part of the call.
    private readonly bool _systemClock;
    private readonly bool _keepState;
    private readonly bool _waitWhenFull;
    private readonly Action? _onDispose;
    private volatile bool _disposed;
    private IExternalScopeProvider? _scopes;

    public CloudWatchRoute(MetaMockLoggingOptions options, RecordBuffer buffer, CloudWatchSender sender, SenderCounters counters, TimeProvider time, Action? onDispose = null)
    {
        _buffer = buffer;
        _sender = sender;
        _counters = counters;
        _time = time;
        _systemClock = ReferenceEquals(time, TimeProvider.System);
        _onDispose = onDispose;
        _keepState = options.Format == LogFormat.Json;
        _waitWhenFull = options.BufferFullMode == BufferFullMode.Wait;
    }

    /// <summary>False after dispose or once CloudWatch was given up; the logger then writes every level to the console.</summary>
    public bool IsActive => !_disposed && !_sender.ConsoleOnly;

    /// <summary>
    /// Whether a call at <paramref name="level"/> is also printed to the console while this route is active (the original
    /// Python design's dual routing: WARNING and above); the sender's console fall-back relies on it not to print twice.
    /// </summary>
    public static bool AlsoOnConsole(LogLevel level) => level >= LogLevel.Warning;

    /// <summary>The category's interned name: a logger takes it once, so the log call does no lookup for it.</summary>
    public InternedText Category(string name) => _buffer.Log.Tables.Category(name);

    /// <summary>
    /// Encodes the event; never throws (what the application's code throws becomes a counted placeholder). Returns the
    /// JSON line's <c>seq</c> and time taken for it (none for the text format), which the console line of the same call reuses.
    /// </summary>
    public LineStamp Capture<TState>(LogLevel level, InternedText category, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var deferred = DeferredMessage.TryDefer(state, formatter);
        try
        {
            return Capture(level, category, state, deferred, exception, formatter);
        }
        finally
        {
            // The record holds the values now; the thread's holder lets go of the caller's state.
            deferred?.Release();
        }
    }

    private LineStamp Capture<TState>(LogLevel level, InternedText category, TState state, TemplateState<TState>? deferred, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var placeholders = 0;
        object message = (object?)deferred ?? UserText.OfMessage(state, exception, formatter, ref placeholders) ?? string.Empty;
        var exceptionText = exception is null ? null : UserText.OfException(exception, ref placeholders);
        var sequence = _keepState ? LineOrigin.NextSequence() : 0;
        var ticks = _systemClock ? DateTime.UtcNow.Ticks : _time.GetUtcNow().UtcTicks;
        var stamp = _keepState ? new LineStamp(sequence, ticks) : default;
        var e = new LogEvent(
            ticks,
            level,
            category,
            MetaMockLogContext.Current,
            message,
            exceptionText,
            _keepState ? ((object?)deferred ?? state) as IEnumerable<KeyValuePair<string, object?>> : null,
            _keepState ? _scopes : null,
            sequence,
            deferred is null ? null : TypedValues<TState>.Reader);
        BufferWriteResult result;
        try
        {
            result = _buffer.Append(e, _waitWhenFull, out var valuePlaceholders);
            placeholders += valuePlaceholders;
        }
#pragma warning disable CA1031 // Not expected (the encoder turns what values throw into placeholders); if it happens, the event is counted.
        catch (Exception)
#pragma warning restore CA1031
        {
            _counters.AddDropped(DropReasons.FormatFailed, 1);
            return stamp;
        }

        if (placeholders > 0)
        {
            _counters.AddPlaceholders(placeholders);
        }

        if (result != BufferWriteResult.Accepted)
        {
            _counters.AddDropped(result == BufferWriteResult.Full ? DropReasons.BufferFull : DropReasons.AfterDispose, 1);
        }

        return stamp;
    }

    /// <summary>A record the logger wrote to the console because this route is not active (CloudWatch given up, or disposed).</summary>
    public void CountWrittenToConsole() => _counters.AddWrittenToConsole(1);

    /// <summary>The logger factory's scope provider: JSON events carry the scopes open at the call, like the console's.</summary>
    public void SetScopeProvider(IExternalScopeProvider scopes) => _scopes = scopes;

    public void Dispose()
    {
        _disposed = true;
        _sender.Dispose();
        if (_onDispose is not { } release)
        {
            return;
        }

        // The spool's mapped files are released only once no loop reads them any more: at once after a normal shutdown,
        // later for a loop stuck past every deadline (a call that ignores cancellation).
        if (_sender.Stopped.IsCompleted)
        {
            release();
        }
        else
        {
            _sender.Stopped.ContinueWith(_ => release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
