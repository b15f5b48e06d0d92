namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A context snapshot with its id.</summary>
internal sealed class InternedContext : InternedEntry
{
    public InternedContext(uint id, LogContextSnapshot snapshot)
        : base(id) => Snapshot = snapshot;

    public LogContextSnapshot Snapshot { get; }
}
