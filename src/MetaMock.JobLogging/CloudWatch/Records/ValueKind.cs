namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>The type tag written before each value of a record; the payload that follows depends on it.</summary>
internal enum ValueKind : byte
{
    Null = 0,
    String = 1,
    Boolean = 2,
    Int32 = 3,
    Int64 = 4,
    Int16 = 5,
    Byte = 6,
    SByte = 7,
    UInt16 = 8,
    UInt32 = 9,
    UInt64 = 10,
    Single = 11,
    Double = 12,
    Decimal = 13,
    Char = 14,
    DateTime = 15,
    DateTimeOffset = 16,
    Guid = 17,
    TimeSpan = 18,
    DateOnly = 19,
    TimeOnly = 20,

    /// <summary>An enum value, kept as its name (what it prints as); its type is not kept.</summary>
    Enum = 21,

    /// <summary>Any other object, kept as the text it printed at the call (invariant culture when it is formattable).</summary>
    Text = 22,
}
