namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A message template as read back from a segment, with the names of its holes.</summary>
internal sealed record TemplateDefinition(string Template, string[] Names);
