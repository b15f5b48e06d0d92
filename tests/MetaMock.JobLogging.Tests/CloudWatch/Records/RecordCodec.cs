using MetaMock.JobLogging.CloudWatch.Records;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

/// <summary>Encodes events into committed frames in a byte region and reads them back, as a segment does.</summary>
internal sealed class RecordCodec
{
    private readonly RecordEncoder _encoder = new(new InternTables());
    private readonly RecordDecoder _decoder = new();
    private byte[] _region = new byte[64 * 1024];
    private int _tail;

    // Definitions are marked per segment epoch in the interned entries, which a test may share between codecs and logs:
    // each codec takes epochs no other codec or real segment uses, so it never sees another's marks.
    private static long _lastEpoch = 1L << 40;

    public RecordCodec() => Epoch = Interlocked.Add(ref _lastEpoch, 1_000_000);

    public long Epoch { get; private set; }

    public byte[] Region => _region;

    public int Tail => _tail;

    public InternedText Category(string name) => _encoder.Tables.Category(name);

    /// <summary>Appends the event's frame; returns the frame's offset and its body length.</summary>
    public (int Offset, int BodyLength) Append(LogEvent e)
    {
        var scratch = EncodeScratch.Current;
        try
        {
            var plan = _encoder.Plan(e, scratch);
            var body = RecordEncoder.BodySize(e, plan, Epoch, out var definitions);
            var size = RecordFrame.Size(body);
            if (_tail + size > _region.Length)
            {
                Array.Resize(ref _region, Math.Max(_region.Length * 2, _tail + size));
            }

            var frame = _region.AsSpan(_tail, size);
            RecordEncoder.Write(frame.Slice(RecordFrame.HeaderSize, body), e, plan, definitions, scratch);
            Frames.Commit(frame, body);
            RecordEncoder.MarkDefined(e, plan, definitions, Epoch);
            var offset = _tail;
            _tail += size;
            return (offset, body);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Starts a new segment: definitions are written again and the decoder forgets the old ones.</summary>
    public void NewSegment()
    {
        Epoch++;
        _decoder.Reset();
        Array.Clear(_region);
        _tail = 0;
    }

    public T Read<T>(int offset, Func<EventView, T> project)
    {
        Assert.Equal(FrameStatus.Committed, Frames.Read(_region.AsSpan(0, _tail), offset, out var body, out _));
        Assert.True(_decoder.TryDecode(body, out var view));
        return project(view);
    }

    public static LogEvent Event(InternedText category, object message, LogContextSnapshot? context = null, string? exception = null,
        IEnumerable<KeyValuePair<string, object?>>? properties = null, IExternalScopeProvider? scopes = null, LogLevel level = LogLevel.Information) =>
        new(new DateTime(2026, 12, 6, 1, 2, 3, DateTimeKind.Utc).Ticks + 4567, level, category, context, message, exception, properties, scopes);

    /// <summary>A template state like Microsoft.Extensions.Logging's: the named values, then "{OriginalFormat}".</summary>
    public static List<KeyValuePair<string, object?>> State(string template, params object?[] values)
    {
        var state = values.Select((v, i) => new KeyValuePair<string, object?>($"V{i}", v)).ToList();
        state.Add(new("{OriginalFormat}", template));
        return state;
    }

    /// <summary>Reads every committed event of the log and settles it, as the sender would; returns how many.</summary>
    public static int DrainAndSettle(SegmentLog log, SegmentLogReader? reader = null)
    {
        reader ??= new SegmentLogReader(log);
        var read = 0;
        while (reader.TryRead(out _, out var segment) == ReadStatus.Event)
        {
            segment!.Settle(1);
            read++;
        }

        return read;
    }

    public static List<(string Key, object? Value)> Pairs(PropertyList list)
    {
        var pairs = new List<(string, object?)>();
        while (list.TryRead(out var key, out var value))
        {
            pairs.Add((System.Text.Encoding.UTF8.GetString(key), value.ToObject()));
        }

        return pairs;
    }

    public static List<object?> Values(ValueList list)
    {
        var values = new List<object?>();
        while (list.TryRead(out var value))
        {
            values.Add(value.ToObject());
        }

        return values;
    }
}
