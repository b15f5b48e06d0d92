namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>What a segment's frames carry in their checksum field, so a reader knows what to compare.</summary>
internal enum FrameChecksum
{
    /// <summary>Nothing (memory segments): the field is 0 and not checked.</summary>
    None,

    /// <summary>CRC-32C of the body: what every frame is written with.</summary>
    Crc32C,

    /// <summary>CRC-32 (IEEE) of the body: segment files of format version 1, read back after an upgrade.</summary>
    Crc32,
}
