namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>What a reader found.</summary>
internal enum ReadStatus
{
    /// <summary>An event.</summary>
    Event,

    /// <summary>Nothing more committed yet: read again later.</summary>
    Pending,

    /// <summary>Nothing more will come from this segment (or log).</summary>
    End,
}
