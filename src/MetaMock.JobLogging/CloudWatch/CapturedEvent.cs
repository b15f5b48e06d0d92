using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// What the log call hands over: the minimum that must be taken on the caller's thread (the time of the call, the
/// message, formatted or as a state that formats the same later, the context snapshot by reference). Routing and
/// formatting happen later, in the background.
/// </summary>
/// <remarks>
/// A struct, stored inline in the buffer's queue slots: the log call allocates no event object, and the queue reuses
/// its slots once the sender has drained them. Every field is paid once per call, so the JSON-only parts share one
/// reference that the text format leaves null (the JSON line's sequence number is one of them).
/// </remarks>
internal readonly struct CapturedEvent
{
    /// <summary>Queue slot and bookkeeping: a fixed share of the buffer's byte limit per event.</summary>
    public const int FixedCost = 96;

    // UTC ticks rather than a DateTimeOffset (which carries an offset too): 8 bytes per slot.
    private readonly long _utcTicks;
    private readonly JsonParts? _json;

    // The formatted message, or the state DeferredMessage lets the sender format.
    private readonly object _message;
    private readonly int _messageChars;

    public CapturedEvent(
        DateTimeOffset timestamp,
        LogLevel level,
        string category,
        string message,
        Exception? exception,
        LogContextSnapshot? context,
        IReadOnlyList<KeyValuePair<string, object?>>? state,
        IReadOnlyList<object?>? scopes = null,
        long sequence = 0)
        : this(timestamp, level, category, message, message.Length, exception, context, state, scopes, sequence)
    {
    }

    /// <summary>
    /// An event whose message is a string or a state from <see cref="DeferredMessage.TryDefer"/> (<paramref name="messageChars"/>
    /// its estimate); <paramref name="sequence"/> is the JSON line's <c>seq</c>, 0 for the text format.
    /// </summary>
    public CapturedEvent(
        DateTimeOffset timestamp,
        LogLevel level,
        string category,
        object message,
        int messageChars,
        Exception? exception,
        LogContextSnapshot? context,
        IReadOnlyList<KeyValuePair<string, object?>>? state,
        IReadOnlyList<object?>? scopes,
        long sequence = 0)
    {
        _utcTicks = timestamp.UtcTicks;
        Level = level;
        Category = category;
        _message = message;
        _messageChars = messageChars;
        Exception = exception;
        Context = context;
        _json = state is null && scopes is null && sequence == 0 ? null : new JsonParts(state, scopes, sequence);
    }

    public DateTimeOffset Timestamp => new(_utcTicks, TimeSpan.Zero);

    public LogLevel Level { get; }

    public string Category { get; }

    /// <summary>The message; a deferred one is formatted on each read, so the sender reads it once per event.</summary>
    public string Message => _message as string ?? DeferredMessage.Render(_message);

    /// <summary>The message as captured: its string, or the template state <see cref="DeferredMessage"/> left to the sender.</summary>
    public object MessageSource => _message;

    public Exception? Exception { get; }

    public LogContextSnapshot? Context { get; }

    /// <summary>The message template's named values, kept only for the JSON format.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>>? State => _json?.State;

    /// <summary>The scope states open at the call, kept only for the JSON format.</summary>
    public IReadOnlyList<object?>? Scopes => _json?.Scopes;

    /// <summary>The JSON line's number in this process, taken at the call (see <see cref="Formatting.LineOrigin"/>); 0 for the text format.</summary>
    public long Sequence => _json?.Sequence ?? 0;

    /// <summary>
    /// What the event counts against the buffer's byte limit at the call (UTF-16 message, or a deferred one's estimate,
    /// plus <see cref="FixedCost"/>). The sender adds the excess of a larger UTF-8 line when it formats the event
    /// (<see cref="Sending.ILogEventBuffer.Charge"/>) and releases both together.
    /// </summary>
    public long BufferBytes => FixedCost + (2L * _messageChars);

    private sealed record JsonParts(IReadOnlyList<KeyValuePair<string, object?>>? State, IReadOnlyList<object?>? Scopes, long Sequence);
}
