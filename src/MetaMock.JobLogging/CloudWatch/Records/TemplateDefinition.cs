namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A message template as read back from a segment, with the names of its holes.</summary>
internal sealed record TemplateDefinition(string Template, string[] Names)
{
    /// <summary>The template's UTF-8 length: part of what a record of it counts against the buffer's byte limit.</summary>
    public int TextBytes { get; } = System.Text.Encoding.UTF8.GetByteCount(Template);
}
