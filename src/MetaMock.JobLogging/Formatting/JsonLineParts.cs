using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Formatting;

/// <summary>What one JSON record is made of; a struct so the console and CloudWatch paths share one writer.</summary>
internal readonly record struct JsonLineParts(
    DateTimeOffset Timestamp,
    LogLevel Level,
    string Category,
    string Message,
    LogContextSnapshot? Context,
    Exception? Exception,
    IEnumerable<KeyValuePair<string, object?>>? State,
    IExternalScopeProvider? Scopes);
