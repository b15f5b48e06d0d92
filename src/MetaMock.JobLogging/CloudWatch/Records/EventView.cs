using System.Text;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// One event read back from a segment: everything <see cref="CapturedEvent"/> carries, with the text parts as UTF-8
/// slices of the segment (valid while the segment is) and the definitions resolved.
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

    public DateTimeOffset Timestamp => new(UtcTicks, TimeSpan.Zero);

    /// <summary>The message as a string; a template is formatted the way the console's message is. Allocates.</summary>
    public string MessageText() => Template is null ? Encoding.UTF8.GetString(Message) : TemplateText.Format(Template, Values);
}
