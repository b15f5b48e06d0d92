namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A context snapshot with its id; its definition record is written once per segment, like <see cref="InternedText"/>'s.</summary>
internal sealed class InternedContext
{
    private long _definedIn;

    public InternedContext(uint id, LogContextSnapshot snapshot)
    {
        Id = id;
        Snapshot = snapshot;
    }

    public uint Id { get; }

    public LogContextSnapshot Snapshot { get; }

    public bool IsDefinedIn(long epoch) => Volatile.Read(ref _definedIn) == epoch;

    public void DefinedIn(long epoch) => Volatile.Write(ref _definedIn, epoch);
}
