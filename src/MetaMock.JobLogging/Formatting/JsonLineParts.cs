using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Formatting;

/// <summary>
/// What one JSON record is made of; a struct so the console and CloudWatch paths share one writer. <c>Sequence</c> is
/// the line's number in this process (<see cref="LineOrigin.NextSequence"/>), taken at the log call; <c>ExceptionText</c> the
/// exception's text as <see cref="UserText.OfException"/> gives it at the call; <c>Origin</c> the host and process that
/// made the call when it was not this one (a spool replayed after a crash), else null.
/// </summary>
internal readonly record struct JsonLineParts(
    DateTimeOffset Timestamp,
    LogLevel Level,
    string Category,
    string Message,
    LogContextSnapshot? Context,
    string? ExceptionText,
    IEnumerable<KeyValuePair<string, object?>>? State,
    IExternalScopeProvider? Scopes,
    long Sequence,
    (string Host, int ProcessId)? Origin = null);
