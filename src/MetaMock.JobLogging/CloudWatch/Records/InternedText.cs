namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// A category or a message template with its id; its definition record is written once per segment, before the first
/// event of that segment that uses it.
/// </summary>
internal sealed class InternedText
{
    private long _definedIn;

    public InternedText(uint id, string text, string[]? names = null)
    {
        Id = id;
        Text = text;
        Names = names;
    }

    public uint Id { get; }

    public string Text { get; }

    /// <summary>A template's hole names, in order; null for a category.</summary>
    public string[]? Names { get; }

    /// <summary>Whether the segment with this definition epoch already holds the definition (before any later reservation).</summary>
    public bool IsDefinedIn(long epoch) => Volatile.Read(ref _definedIn) == epoch;

    /// <summary>
    /// Records that the segment with this epoch holds the definition; called once the frame carrying it is committed, so
    /// an event that sees it was reserved after the definition. A race only writes a definition twice.
    /// </summary>
    public void DefinedIn(long epoch) => Volatile.Write(ref _definedIn, epoch);
}
