using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>
/// Reads frame bodies of one segment in order: keeps the definitions it meets and returns each event with its
/// definitions resolved. A body that does not parse, or names an id not defined earlier in the segment, throws
/// <see cref="InvalidDataException"/> (the caller counts it as corrupt and goes on).
/// </summary>
internal sealed class RecordDecoder
{
    private readonly Dictionary<uint, string> _categories = [];
    private readonly Dictionary<uint, LogContextSnapshot> _contexts = [];
    private readonly Dictionary<uint, TemplateDefinition> _templates = [];
    private (string Host, int ProcessId)? _origin;

    /// <summary>Forgets the definitions: the next body is the first of a new segment.</summary>
    public void Reset()
    {
        _categories.Clear();
        _contexts.Clear();
        _templates.Clear();
        _origin = null;
    }

    /// <summary>The event of a frame body; false for a padding frame, which holds none.</summary>
    public bool TryDecode(ReadOnlySpan<byte> body, out EventView view)
    {
        view = default;
        var reader = new SpanReader(body);
        while (true)
        {
            var kind = (RecordKind)reader.ReadByte();
            switch (kind)
            {
                case RecordKind.Event: view = ReadEvent(ref reader); return true;
                case RecordKind.Padding: return false;
                case RecordKind.Category: _categories[reader.ReadVar()] = reader.ReadString(); break;
                case RecordKind.Context: ReadContext(ref reader); break;
                case RecordKind.Template: ReadTemplate(ref reader); break;
                case RecordKind.Origin: _origin = (reader.ReadString(), reader.ReadInt31()); break;
                default: throw new InvalidDataException($"Unknown record kind {(byte)kind}.");
            }
        }
    }

    private EventView ReadEvent(scoped ref SpanReader reader)
    {
        var ticks = reader.ReadInt64();
        var level = (LogLevel)reader.ReadByte();
        var category = Lookup(_categories, reader.ReadVar(), "category");
        var contextId = reader.ReadVar();
        var context = contextId == 0 ? null : Lookup(_contexts, contextId, "context");
        var flags = (RecordFlags)reader.ReadByte();
        var sequence = (flags & RecordFlags.Sequence) != 0 ? reader.ReadInt64() : 0;
        TemplateDefinition? template = null;
        ReadOnlySpan<byte> message = default;
        ReadOnlySpan<byte> values = default;
        if ((flags & RecordFlags.Template) != 0)
        {
            template = Lookup(_templates, reader.ReadVar(), "template");
            var start = reader.Position;
            for (var i = 0; i < template.Names.Length; i++)
            {
                ValueCodec.Read(ref reader);
            }

            values = reader.Since(start);
        }
        else
        {
            message = reader.ReadUtf8();
        }

        var exception = (flags & RecordFlags.Exception) != 0 ? reader.ReadUtf8() : default;
        var properties = ReadProperties(ref reader, flags, RecordFlags.Properties);
        var scopes = ReadProperties(ref reader, flags, RecordFlags.Scopes);
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("An event record is followed by bytes that belong to nothing.");
        }

        return new EventView
        {
            UtcTicks = ticks,
            Level = level,
            Category = category,
            Context = context,
            Template = template,
            Message = message,
            Values = new ValueList(values, template?.Names.Length ?? 0),
            HasException = (flags & RecordFlags.Exception) != 0,
            Exception = exception,
            TemplateProperties = (flags & RecordFlags.TemplateProperties) != 0,
            Properties = properties,
            Scopes = scopes,
            Sequence = sequence,
            Origin = _origin,
        };
    }

    private static PropertyList ReadProperties(scoped ref SpanReader reader, RecordFlags flags, RecordFlags which)
    {
        if ((flags & which) == 0)
        {
            return new PropertyList([], 0);
        }

        var count = reader.ReadCount(minBytes: 2); // each pair: a key's length byte at least, and a value's kind byte
        return new PropertyList(PropertyList.Skip(ref reader, count), count);
    }

    private void ReadContext(ref SpanReader reader)
    {
        var id = reader.ReadVar();
        var present = reader.ReadByte();
        var raw = (present & 16) != 0;
        var user = (present & 1) != 0 ? ReadField(ref reader, raw) : null;
        var job = (present & 2) != 0 ? ReadField(ref reader, raw) : null;
        var task = (present & 4) != 0 ? ReadField(ref reader, raw) : null;
        var run = (present & 8) != 0 ? ReadField(ref reader, raw) : null;
        try
        {
            var snapshot = LogContextSnapshot.Create(user is null ? null : new UserContext(user), job is null ? null : new JobContext(job, task, run));
            _contexts[id] = snapshot ?? throw new InvalidDataException("A context record holds no field.");
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException("A context record holds an id the context would refuse.", error);
        }
    }

    // UTF-8, or the UTF-16 code units of a context holding a lone surrogate (see DefinitionWriter).
    private static string ReadField(ref SpanReader reader, bool raw)
    {
        if (!raw)
        {
            return reader.ReadString();
        }

        var bytes = reader.ReadUtf8();
        if (bytes.Length % 2 != 0)
        {
            throw new InvalidDataException("A context field in UTF-16 has an odd byte length.");
        }

        return new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(bytes));
    }

    private void ReadTemplate(ref SpanReader reader)
    {
        var id = reader.ReadVar();
        var template = reader.ReadString();
        var names = new string[reader.ReadCount()]; // each name: a length byte at least
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        _templates[id] = new TemplateDefinition(template, names);
    }

    private static T Lookup<T>(Dictionary<uint, T> table, uint id, string what) =>
        table.TryGetValue(id, out var found) ? found : throw new InvalidDataException($"An event names {what} {id}, not defined before it in its segment.");
}
