namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// This process's host and id, written once per segment like the other definitions: a segment replayed by another
/// process after a crash keeps the <c>host</c> and <c>pid</c> of the process that logged its events, so its JSON lines
/// are told apart from the replaying process's own (whose <c>seq</c> starts again at 1).
/// </summary>
/// <remarks>
/// One per writer's <see cref="InternTables"/>, like its other entries, not one for the process: which segment last
/// received it is tracked in the entry, and two logs in one process that shared it would each write it again into
/// every record that follows one of the other's.
/// </remarks>
internal sealed class OriginDefinition : InternedEntry
{
    /// <summary>The process's own origin.</summary>
    public OriginDefinition()
        : base(0)
    {
        Host = Formatting.LineOrigin.Host;
        ProcessId = Formatting.LineOrigin.ProcessId;
    }

    public string Host { get; }

    public int ProcessId { get; }

    public int Size => 1 + SpanWriter.StringSize(Host) + SpanWriter.VarSize((uint)ProcessId);

    public void Write(ref SpanWriter writer)
    {
        writer.WriteByte((byte)RecordKind.Origin);
        writer.WriteString(Host);
        writer.WriteVar((uint)ProcessId);
    }
}
