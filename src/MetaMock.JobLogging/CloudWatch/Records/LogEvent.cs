using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// What the log call hands to <see cref="RecordEncoder"/>: the events parts, by reference only for the length of
/// the call.
/// </summary>
/// <param name="UtcTicks">The time of the call.</param>
/// <param name="Level">The event's level.</param>
/// <param name="Category">The logger's category, interned by <see cref="InternTables.Category"/>.</param>
/// <param name="Context">The context snapshot at the call, or null.</param>
/// <param name="Message">The formatted message, or the template state <see cref="DeferredMessage.TryDefer"/> returned.</param>
/// <param name="Exception">The exception's text (<c>Exception.ToString()</c>), or null.</param>
/// <param name="Properties">For the JSON format, the state's named values; may be the same state as <paramref name="Message"/>.</param>
/// <param name="Scopes">For the JSON format, the scope provider whose key/value scopes are captured.</param>
/// <param name="Sequence">For the JSON format, the line's <c>seq</c> taken at the call (0: none).</param>
/// <param name="ValueReader">For a source-generated template state, reads its values without boxing (see <see cref="TypedValues{TState}"/>).</param>
internal readonly record struct LogEvent(
    long UtcTicks,
    LogLevel Level,
    InternedText Category,
    LogContextSnapshot? Context,
    object Message,
    string? Exception,
    IEnumerable<KeyValuePair<string, object?>>? Properties,
    IExternalScopeProvider? Scopes,
    long Sequence = 0,
    Action<object, EncodeScratch>? ValueReader = null);
