using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// What the log call hands over: the minimum that must be taken on the caller's thread (the time of the call, the
/// formatted message, the context snapshot by reference). Routing and formatting happen later, in the background.
/// </summary>
internal sealed class CapturedEvent
{
    /// <summary>Object header, fields and queue slot: a fixed share of the buffer's byte limit per event.</summary>
    public const int FixedCost = 96;

    // Kept as UTC ticks rather than a DateTimeOffset, and the byte cost derived rather than stored: every field here
    // is paid once per log call.
    private readonly long _utcTicks;

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
        State = state;
        Scopes = scopes;
    }

    public DateTimeOffset Timestamp => new(_utcTicks, TimeSpan.Zero);

    public LogLevel Level { get; }

    public string Category { get; }

    public string Message { get; }

    public Exception? Exception { get; }

    public LogContextSnapshot? Context { get; }

    /// <summary>The message template's named values, kept only for the JSON format.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>>? State { get; }

    /// <summary>The scope states open at the call, kept only for the JSON format.</summary>
    public IReadOnlyList<object?>? Scopes { get; }

    /// <summary>What the event counts against the buffer's byte limit (UTF-16 message plus <see cref="FixedCost"/>).</summary>
    public long BufferBytes => FixedCost + (2L * Message.Length);
}
