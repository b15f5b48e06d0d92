namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// An event measured by <see cref="RecordEncoder.Plan"/>: its size without definitions, its interned parts, and which
/// optional parts it has. Which definitions precede it depends on the segment it lands in (<see cref="Definitions"/>).
/// </summary>
internal readonly record struct EventPlan(
    int EventSize,
    RecordFlags Flags,
    string? Message,
    InternedText? Template,
    InternedContext? Context,
    int ValueCount,
    int PropertyCount,
    OriginDefinition Origin);

/// <summary>The definitions a frame carries before its event.</summary>
[Flags]
internal enum Definitions : byte
{
    None = 0,
    Category = 1,
    Context = 2,
    Template = 4,
    Origin = 8,
}
