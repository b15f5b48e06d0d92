namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Writes definition records: a category (id, name), a context (id, a presence byte, then user id, job id, task name,
/// task run id for each one present), a template (id, template, hole count, hole names).
/// </summary>
internal static class DefinitionWriter
{
    public static int ContextSize(InternedContext context)
    {
        var s = context.Snapshot;
        return 1 + SpanWriter.VarSize(context.Id) + 1 + Optional(s.UserId) + Optional(s.JobId) + Optional(s.TaskName) + Optional(s.TaskRunId);
    }

    public static int TemplateSize(InternedText template)
    {
        var size = 1 + SpanWriter.VarSize(template.Id) + SpanWriter.StringSize(template.Text) + SpanWriter.VarSize((uint)template.Names!.Length);
        foreach (var name in template.Names)
        {
            size += SpanWriter.StringSize(name);
        }

        return size;
    }

    public static void Write(ref SpanWriter writer, InternedText category, InternedContext? context, InternedText? template, Definitions definitions)
    {
        if ((definitions & Definitions.Category) != 0)
        {
            writer.WriteByte((byte)RecordKind.Category);
            writer.WriteVar(category.Id);
            writer.WriteString(category.Text);
        }

        if ((definitions & Definitions.Context) != 0)
        {
            var s = context!.Snapshot;
            writer.WriteByte((byte)RecordKind.Context);
            writer.WriteVar(context.Id);
            writer.WriteByte((byte)((s.UserId is null ? 0 : 1) | (s.JobId is null ? 0 : 2) | (s.TaskName is null ? 0 : 4) | (s.TaskRunId is null ? 0 : 8)));
            WriteOptional(ref writer, s.UserId);
            WriteOptional(ref writer, s.JobId);
            WriteOptional(ref writer, s.TaskName);
            WriteOptional(ref writer, s.TaskRunId);
        }

        if ((definitions & Definitions.Template) != 0)
        {
            writer.WriteByte((byte)RecordKind.Template);
            writer.WriteVar(template!.Id);
            writer.WriteString(template.Text);
            writer.WriteVar((uint)template.Names!.Length);
            foreach (var name in template.Names)
            {
                writer.WriteString(name);
            }
        }
    }

    private static int Optional(string? value) => value is null ? 0 : SpanWriter.StringSize(value);

    private static void WriteOptional(ref SpanWriter writer, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(value);
        }
    }
}
