using System.Text;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// One event read back from a segment: everything the log call captured, with the text parts as UTF-8 slices of the
/// segment (valid until the event is settled in it) and the definitions resolved.
/// </summary>
internal readonly ref struct EventView
{
    public long UtcTicks { get; init; }

    public LogLevel Level { get; init; }

    public string Category { get; init; }

    /// <summary>The context snapshot, rebuilt once per definition: the console's own prefix and JSON fields apply to it.</summary>
    public LogContextSnapshot? Context { get; init; }

    /// <summary>The template when the message was left to be formatted; its values are in <see cref="Values"/>.</summary>
    public TemplateDefinition? Template { get; init; }

    /// <summary>The formatted message in UTF-8 when <see cref="Template"/> is null.</summary>
    public ReadOnlySpan<byte> Message { get; init; }

    /// <summary>The template's values, one per hole, read with <see cref="ValueList"/>.</summary>
    public ValueList Values { get; init; }

    public bool HasException { get; init; }

    /// <summary>The exception's text in UTF-8, when <see cref="HasException"/>.</summary>
    public ReadOnlySpan<byte> Exception { get; init; }

    /// <summary>The JSON line's named values are the template's names and values.</summary>
    public bool TemplateProperties { get; init; }

    /// <summary>The JSON line's named values stored apart from the message (none when not captured).</summary>
    public PropertyList Properties { get; init; }

    /// <summary>The key/value scope properties, outermost scope first (none when not captured).</summary>
    public PropertyList Scopes { get; init; }

    /// <summary>The JSON line's <c>seq</c> taken at the call; 0 when none was taken (the text format).</summary>
    public long Sequence { get; init; }

    /// <summary>The host and process id of the process that logged the event (null: a segment written without them).</summary>
    public (string Host, int ProcessId)? Origin { get; init; }

    /// <summary>The bytes the record's frame takes in its segment (0 when not read from a segment).</summary>
    public int RecordBytes { get; init; }

    /// <summary>
    /// What the event counts against the buffer's byte limit from its append: its frame, and its template's text (a
    /// definition the frame may not carry, but the formatted message will).
    /// </summary>
    public int Cost => RecordBytes + (Template?.TextBytes ?? 0);

    public DateTimeOffset Timestamp => new(UtcTicks, TimeSpan.Zero);

    /// <summary>The message as a string; a template is formatted the way the console's message is. Allocates.</summary>
    public string MessageText() => Template is null ? Encoding.UTF8.GetString(Message) : TemplateText.Format(Template, Values);
}
