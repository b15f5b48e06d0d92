namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Encodes a log event into a frame body: the definitions the target segment lacks, then the event record. Measuring
/// and writing are separate steps, so the caller can reserve exactly the bytes needed in a segment and write in place.
/// </summary>
/// <remarks>
/// An event record: kind, UTC ticks (8), level (1), category id, context id (0: none), flags, then the message (UTF-8
/// text, or a template id and one typed value per hole), the exception's text, the named values for the JSON line, the
/// key/value scope properties. Numbers in the header are LEB128; see docs/spool.md for the whole layout.
/// </remarks>
internal sealed class RecordEncoder
{
    public RecordEncoder(InternTables tables) => Tables = tables;

    public InternTables Tables { get; }

    /// <summary>
    /// Measures <paramref name="e"/> once; any value printed to text is printed now and kept in <paramref name="scratch"/>,
    /// and the named values and scopes are read once into it. Never throws on the application's values.
    /// </summary>
    public EventPlan Plan(in LogEvent e, EncodeScratch scratch)
    {
        var flags = e.Sequence != 0 ? RecordFlags.Sequence : RecordFlags.None;
        var context = e.Context is null ? null : Tables.Context(e.Context);
        var size = 1 + 8 + 1 + SpanWriter.VarSize(e.Category.Id) + SpanWriter.VarSize(context?.Id ?? 0) + 1 + (e.Sequence != 0 ? 8 : 0);
        string? message = e.Message as string;
        InternedText? template = null;
        var valueCount = 0;
        if (message is null)
        {
            var state = (IReadOnlyList<KeyValuePair<string, object?>>)e.Message;
            valueCount = state.Count - 1;
            var valuesSize = valueCount >= 0 && state[valueCount].Value is string ? SizeValues(state, valueCount, e.ValueReader, scratch) : -1;
            if (valuesSize >= 0)
            {
                flags |= RecordFlags.Template;
                template = Tables.Template((string)state[valueCount].Value!, state, valueCount);
                size += SpanWriter.VarSize(template.Id) + valuesSize;
            }
            else
            {
                message = DeferredMessage.Render(e.Message);
                valueCount = 0;
            }
        }

        if (message is not null)
        {
            size += SpanWriter.StringSize(message);
        }

        if (e.Exception is not null)
        {
            flags |= RecordFlags.Exception;
            size += SpanWriter.StringSize(e.Exception);
        }

        if (e.Properties is { } properties)
        {
            if (ReferenceEquals(properties, e.Message) && template is not null)
            {
                flags |= RecordFlags.TemplateProperties;
            }
            else
            {
                scratch.CaptureProperties(properties);
                flags |= RecordFlags.Properties;
                size += SizeProperties(scratch.Properties, scratch);
            }
        }

        if (e.Scopes is not null)
        {
            scratch.CaptureScopes(e.Scopes);
            flags |= RecordFlags.Scopes;
            size += SizeProperties(scratch.Scopes, scratch);
        }

        return new EventPlan(size, flags, message, template, context, valueCount, scratch.Properties.Count, Tables.Origin);
    }

    /// <summary>The body's size in the segment with definition epoch <paramref name="epoch"/>, and the definitions it carries.</summary>
    public static int BodySize(in LogEvent e, in EventPlan plan, long epoch, out Definitions definitions)
    {
        definitions = Definitions.None;
        var size = plan.EventSize;
        if (!plan.Origin.IsDefinedIn(epoch))
        {
            definitions |= Definitions.Origin;
            size += plan.Origin.Size;
        }

        if (!e.Category.IsDefinedIn(epoch))
        {
            definitions |= Definitions.Category;
            size += 1 + SpanWriter.VarSize(e.Category.Id) + SpanWriter.StringSize(e.Category.Text);
        }

        if (plan.Context is { } context && !context.IsDefinedIn(epoch))
        {
            definitions |= Definitions.Context;
            size += DefinitionWriter.ContextSize(context);
        }

        if (plan.Template is { } template && !template.IsDefinedIn(epoch))
        {
            definitions |= Definitions.Template;
            size += DefinitionWriter.TemplateSize(template);
        }

        return size;
    }

    /// <summary>Writes the body measured by <see cref="BodySize"/> into <paramref name="body"/> (exactly that long).</summary>
    public static void Write(Span<byte> body, in LogEvent e, in EventPlan plan, Definitions definitions, EncodeScratch scratch)
    {
        var writer = new SpanWriter(body);
        DefinitionWriter.Write(ref writer, plan.Origin, e.Category, plan.Context, plan.Template, definitions);
        writer.WriteByte((byte)RecordKind.Event);
        writer.WriteInt64(e.UtcTicks);
        writer.WriteByte((byte)e.Level);
        writer.WriteVar(e.Category.Id);
        writer.WriteVar(plan.Context?.Id ?? 0);
        writer.WriteByte((byte)plan.Flags);
        if ((plan.Flags & RecordFlags.Sequence) != 0)
        {
            writer.WriteInt64(e.Sequence);
        }

        if (plan.Template is { } template)
        {
            writer.WriteVar(template.Id);
            for (var i = 0; i < plan.ValueCount; i++)
            {
                ValueCodec.Write(ref writer, scratch.Next());
            }
        }
        else
        {
            writer.WriteString(plan.Message);
        }

        if (e.Exception is not null)
        {
            writer.WriteString(e.Exception);
        }

        if ((plan.Flags & RecordFlags.Properties) != 0)
        {
            WriteProperties(ref writer, scratch.Properties, scratch);
        }

        if ((plan.Flags & RecordFlags.Scopes) != 0)
        {
            WriteProperties(ref writer, scratch.Scopes, scratch);
        }

        if (writer.Position != body.Length)
        {
            throw new InvalidOperationException($"A record took {writer.Position} bytes, not the {body.Length} measured.");
        }
    }

    /// <summary>After the frame is committed: the segment now holds these definitions.</summary>
    public static void MarkDefined(in LogEvent e, in EventPlan plan, Definitions definitions, long epoch)
    {
        if ((definitions & Definitions.Origin) != 0)
        {
            plan.Origin.DefinedIn(epoch);
        }

        if ((definitions & Definitions.Category) != 0)
        {
            e.Category.DefinedIn(epoch);
        }

        if ((definitions & Definitions.Context) != 0)
        {
            plan.Context!.DefinedIn(epoch);
        }

        if ((definitions & Definitions.Template) != 0)
        {
            plan.Template!.DefinedIn(epoch);
        }
    }

    // The template's values by type; -1 when one is an enum: its name is kept, so a numeric format specifier ({Level:D})
    // would print the name where the console prints the number, and the message is formatted at the call instead.
    // A source-generated state's values are read by its typed reader (no box per value), LogInformation(template, args)'s
    // from MEL's params array (no name/value pair per value); others through its list.
    private static int SizeValues(IReadOnlyList<KeyValuePair<string, object?>> state, int count, Action<object, EncodeScratch>? reader, EncodeScratch scratch)
    {
        var mark = scratch.Count;
        reader?.Invoke(state, scratch);
        if (scratch.Count - mark != count)
        {
            // No reader, or one that found another number of values than the template's holes: the list is the reference.
            scratch.ForgetFrom(mark);
            for (var i = 0; i < count; i++)
            {
                scratch.Add(CapturedValue.From(state[i].Value, scratch));
            }
        }

        var size = 0;
        for (var i = mark; i < scratch.Count; i++)
        {
            ref readonly var value = ref scratch.At(i);
            if (value.Kind == ValueKind.Enum)
            {
                scratch.ForgetFrom(mark);
                return -1;
            }

            size += ValueCodec.Size(value);
        }

        return size;
    }

    // Keys and values as read once into the scratch lists ("{OriginalFormat}" is already left out there).
    private static int SizeProperties(IReadOnlyList<KeyValuePair<string, object?>> properties, EncodeScratch scratch)
    {
        var size = SpanWriter.VarSize((uint)properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            var (key, value) = properties[i];
            size += SpanWriter.StringSize(key) + ValueCodec.Size(scratch.Add(CapturedValue.From(value, scratch)));
        }

        return size;
    }

    private static void WriteProperties(ref SpanWriter writer, IReadOnlyList<KeyValuePair<string, object?>> properties, EncodeScratch scratch)
    {
        writer.WriteVar((uint)properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            writer.WriteString(properties[i].Key);
            ValueCodec.Write(ref writer, scratch.Next());
        }
    }
}
