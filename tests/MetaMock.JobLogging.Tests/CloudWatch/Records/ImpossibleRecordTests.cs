using MetaMock.JobLogging.CloudWatch.Records;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

public sealed class ImpossibleRecordTests
{
    private const byte Event = (byte)RecordKind.Event;
    private const byte Category = (byte)RecordKind.Category;
    private const byte Template = (byte)RecordKind.Template;
    private const byte Origin = (byte)RecordKind.Origin;
    private const byte Properties = (byte)RecordFlags.Properties;

    // Bodies whose checksum would pass (a Resync false positive, a format bug, another writer) but whose lengths or
    // counts no record of this size can hold.
    public static TheoryData<string, byte[]> Bodies => new()
    {
        { "a string longer than an int", [Origin, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F] },
        { "a string longer than the record", [Origin, 0x7F, (byte)'h'] },
        { "a process id beyond an int", [Origin, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F] },
        { "more template names than an array holds", [Template, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x07] },
        { "more template names than bytes", [Template, 0x01, 0x00, 0xFF, 0xFF, 0x03] },
        { "more properties than an int", [Category, 0x01, 0x01, (byte)'c', Event, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x01, 0x00, Properties, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_record_with_an_impossible_length_or_count_is_skipped_and_counted_corrupt_and_the_next_record_is_read(string what, byte[] body)
    {
        var pool = new MemorySegmentPool(capacity: 1024);
        var segment = pool.Next(0)!;
        Commit(segment, body);
        Commit(segment, [Category, 0x01, 0x01, (byte)'c', Event, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x01, 0x00, 0x00, 0x00]);
        segment.Seal();

        var reader = new SegmentReader(segment, live: false);
        Assert.True(ReadStatus.Event == reader.TryRead(out var view), what);
        Assert.Equal("c", view.Category);
        Assert.Equal(ReadStatus.End, reader.TryRead(out _));
        Assert.Equal(1, reader.Corrupt);
    }

    private static void Commit(Segment segment, byte[] body)
    {
        Assert.True(segment.TryReserve(RecordFrame.Size(body.Length), out var frame));
        body.CopyTo(frame[RecordFrame.HeaderSize..]);
        Frames.Commit(frame, body.Length, checksum: false);
    }
}
