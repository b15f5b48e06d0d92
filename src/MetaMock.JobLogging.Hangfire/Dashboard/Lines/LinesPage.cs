namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>
/// Lines for one answer, oldest first, with the token that continues after them. <see cref="AtEnd"/>: nothing more is
/// stored now (poll with <see cref="Next"/> for what arrives later); otherwise "load more" continues. <see cref="Found"/>
/// is false when the job's stream does not exist (yet).
/// </summary>
internal sealed record LinesPage(IReadOnlyList<PanelLine> Lines, string? Next, bool AtEnd, bool Found)
{
    public static LinesPage Missing { get; } = new([], null, true, false);

    /// <summary>What the page costs to keep in the cache: its text at two bytes a char, plus a little per line.</summary>
    public long Bytes => Lines.Sum(l => 64L + (2L * l.Text.Length));
}
