namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Writes definition records: a category (id, name), a context (id, a presence byte, then user id, job id, task name,
/// task run id for each one present), a template (id, template, hole count, hole names).
/// </summary>
/// <remarks>
/// A context whose ids hold a lone surrogate (presence bit 16) keeps them as UTF-16 code units rather than UTF-8, which
/// would turn it into U+FFFD: its stream name is made from the exact id (distinct ids, distinct streams).
/// </remarks>
internal static class DefinitionWriter
{
    public static int ContextSize(InternedContext context)
    {
        var s = context.Snapshot;
        var raw = IsRaw(s);
        return 1 + SpanWriter.VarSize(context.Id) + 1 + Optional(s.UserId, raw) + Optional(s.JobId, raw) + Optional(s.TaskName, raw) + Optional(s.TaskRunId, raw);
    }

    /// <summary>Whether a context's fields are written as UTF-16 code units (one of them holds a lone surrogate).</summary>
    public static bool IsRaw(LogContextSnapshot s) =>
        Lone(s.UserId) || Lone(s.JobId) || Lone(s.TaskName) || Lone(s.TaskRunId);

    public static int TemplateSize(InternedText template)
    {
        var size = 1 + SpanWriter.VarSize(template.Id) + SpanWriter.StringSize(template.Text) + SpanWriter.VarSize((uint)template.Names!.Length);
        foreach (var name in template.Names)
        {
            size += SpanWriter.StringSize(name);
        }

        return size;
    }

    public static void Write(ref SpanWriter writer, OriginDefinition origin, InternedText category, InternedContext? context, InternedText? template, Definitions definitions)
    {
        if ((definitions & Definitions.Origin) != 0)
        {
            origin.Write(ref writer);
        }

        if ((definitions & Definitions.Category) != 0)
        {
            writer.WriteByte((byte)RecordKind.Category);
            writer.WriteVar(category.Id);
            writer.WriteString(category.Text);
        }

        if ((definitions & Definitions.Context) != 0)
        {
            var s = context!.Snapshot;
            var raw = IsRaw(s);
            writer.WriteByte((byte)RecordKind.Context);
            writer.WriteVar(context.Id);
            writer.WriteByte((byte)((s.UserId is null ? 0 : 1) | (s.JobId is null ? 0 : 2) | (s.TaskName is null ? 0 : 4) | (s.TaskRunId is null ? 0 : 8) | (raw ? 16 : 0)));
            WriteOptional(ref writer, s.UserId, raw);
            WriteOptional(ref writer, s.JobId, raw);
            WriteOptional(ref writer, s.TaskName, raw);
            WriteOptional(ref writer, s.TaskRunId, raw);
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

    private static bool Lone(string? value) => value is not null && Formatting.ValidUtf16.FirstLoneSurrogate(value) >= 0;

    private static int Optional(string? value, bool raw) =>
        value is null ? 0 : raw ? SpanWriter.VarSize((uint)(2 * value.Length)) + (2 * value.Length) : SpanWriter.StringSize(value);

    private static void WriteOptional(ref SpanWriter writer, string? value, bool raw)
    {
        if (value is null)
        {
            return;
        }

        if (!raw)
        {
            writer.WriteString(value);
            return;
        }

        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan());
        writer.WriteVar((uint)bytes.Length);
        writer.WriteBytes(bytes);
    }
}
