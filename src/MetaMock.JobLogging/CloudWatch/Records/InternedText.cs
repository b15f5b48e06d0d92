namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A category or a message template with its id.</summary>
internal sealed class InternedText : InternedEntry
{
    public InternedText(uint id, string text, string[]? names = null)
        : base(id)
    {
        Text = text;
        Names = names;
        TextBytes = names is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(text);
    }

    /// <summary>A template's UTF-8 length (0 for a category), as <see cref="TemplateDefinition.TextBytes"/> counts it.</summary>
    public int TextBytes { get; }

    public string Text { get; }

    /// <summary>A template's hole names, in order; null for a category.</summary>
    public string[]? Names { get; }
}
