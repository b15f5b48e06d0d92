namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// An interned category, template or context: its id, and the segment that last received its definition record (each
/// segment holds the definitions its events use, written before the first such event).
/// </summary>
internal abstract class InternedEntry
{
    private long _definedIn;

    protected InternedEntry(uint id) => Id = id;

    public uint Id { get; }

    /// <summary>Whether the segment with this definition epoch already holds the definition (before any later reservation).</summary>
    public bool IsDefinedIn(long epoch) => Volatile.Read(ref _definedIn) == epoch;

    /// <summary>
    /// Records that the segment with this epoch holds the definition; called once the frame carrying it is committed, so
    /// an event that sees it was reserved after the definition. A race only writes a definition twice.
    /// </summary>
    public void DefinedIn(long epoch) => Volatile.Write(ref _definedIn, epoch);
}
