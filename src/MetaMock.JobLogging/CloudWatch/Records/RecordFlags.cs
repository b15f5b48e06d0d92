namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>Which optional parts an event record holds.</summary>
[Flags]
internal enum RecordFlags : byte
{
    None = 0,

    /// <summary>The message is a template id and its values, not formatted text.</summary>
    Template = 1,

    /// <summary>An exception's text follows the message.</summary>
    Exception = 2,

    /// <summary>Named values for the JSON line follow.</summary>
    Properties = 4,

    /// <summary>The JSON line's named values are the template's values (nothing more is stored for them).</summary>
    TemplateProperties = 8,

    /// <summary>Key/value scope properties follow.</summary>
    Scopes = 16,

    /// <summary>The JSON line's <c>seq</c> (8 bytes) follows the flags.</summary>
    Sequence = 32,
}
