namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A category or a message template with its id.</summary>
internal sealed class InternedText : InternedEntry
{
    public InternedText(uint id, string text, string[]? names = null)
        : base(id)
    {
        Text = text;
        Names = names;
    }

    public string Text { get; }

    /// <summary>A template's hole names, in order; null for a category.</summary>
    public string[]? Names { get; }
}
