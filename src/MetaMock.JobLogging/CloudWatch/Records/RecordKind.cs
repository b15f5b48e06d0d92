namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// The first byte of each record in a frame. Definitions come before the event that first uses them in a segment, in
/// the same frame, so each segment can be read on its own.
/// </summary>
internal enum RecordKind : byte
{
    /// <summary>A log event: timestamp, level, ids, message, exception, properties, scopes.</summary>
    Event = 1,

    /// <summary>A category name and its id.</summary>
    Category = 2,

    /// <summary>A context snapshot (user id, job id, task name, task run id) and its id.</summary>
    Context = 3,

    /// <summary>A message template, the names of its holes, and its id.</summary>
    Template = 4,

    /// <summary>A frame whose event could not be encoded after its space was reserved: nothing to read, counted as dropped.</summary>
    Padding = 5,

    /// <summary>The host and process id of the process that wrote the segment (see <see cref="OriginDefinition"/>).</summary>
    Origin = 6,
}
