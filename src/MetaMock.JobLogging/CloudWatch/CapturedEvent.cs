using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// What the log call hands over: the minimum that must be taken on the caller's thread (the time of the call, the
/// formatted message, the context snapshot by reference). Routing and formatting happen later, in the background.
/// </summary>
/// <remarks>
/// A struct, stored inline in the buffer's queue slots: the log call allocates no event object, and the queue reuses
/// its slots once the sender has drained them. Every field is paid once per call, so the JSON-only parts share one
/// reference that the text format leaves null.
/// </remarks>
internal readonly struct CapturedEvent
{
    /// <summary>Queue slot and bookkeeping: a fixed share of the buffer's byte limit per event.</summary>
    public const int FixedCost = 96;

    // UTC ticks rather than a DateTimeOffset (which carries an offset too): 8 bytes per slot.
    private readonly long _utcTicks;
    private readonly JsonParts? _json;

    public CapturedEvent(
        DateTimeOffset timestamp,
        LogLevel level,
        string category,
        string message,
        Exception? exception,
        LogContextSnapshot? context,
        IReadOnlyList<KeyValuePair<string, object?>>? state,
        IReadOnlyList<object?>? scopes = null)
    {
        _utcTicks = timestamp.UtcTicks;
        Level = level;
        Category = category;
        Message = message;
        Exception = exception;
        Context = context;
        _json = state is null && scopes is null ? null : new JsonParts(state, scopes);
    }

    public DateTimeOffset Timestamp => new(_utcTicks, TimeSpan.Zero);

    public LogLevel Level { get; }

    public string Category { get; }

    public string Message { get; }

    public Exception? Exception { get; }

    public LogContextSnapshot? Context { get; }

    /// <summary>The message template's named values, kept only for the JSON format.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>>? State => _json?.State;

    /// <summary>The scope states open at the call, kept only for the JSON format.</summary>
    public IReadOnlyList<object?>? Scopes => _json?.Scopes;

    /// <summary>What the event counts against the buffer's byte limit (UTF-16 message plus <see cref="FixedCost"/>).</summary>
    public long BufferBytes => FixedCost + (2L * Message.Length);

    private sealed record JsonParts(IReadOnlyList<KeyValuePair<string, object?>>? State, IReadOnlyList<object?>? Scopes);
}
