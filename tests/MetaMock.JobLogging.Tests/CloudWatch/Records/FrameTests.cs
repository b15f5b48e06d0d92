using MetaMock.JobLogging.CloudWatch.Records;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

public sealed class FrameTests
{
    [Fact]
    public void A_frame_whose_length_was_never_written_is_not_committed_and_nothing_after_it_is_read_until_it_is()
    {
        var codec = ThreeFrames(out var offsets);
        var region = codec.Region.AsSpan(0, codec.Tail).ToArray();
        var saved = region.AsSpan(offsets[1], 4).ToArray();
        region.AsSpan(offsets[1], 4).Clear();

        Assert.Equal(FrameStatus.Committed, Frames.Read(region, offsets[0], out _, out var next));
        Assert.Equal(offsets[1], next);
        Assert.Equal(FrameStatus.NotCommitted, Frames.Read(region, offsets[1], out _, out _));
        saved.CopyTo(region.AsSpan(offsets[1]));
        Assert.Equal(FrameStatus.Committed, Frames.Read(region, offsets[1], out _, out _));
    }

    [Fact]
    public void A_flipped_byte_anywhere_in_a_frame_makes_it_corrupt_and_reading_resumes_at_the_next_frame()
    {
        var codec = ThreeFrames(out var offsets);
        var frameLength = offsets[2] - offsets[1];
        for (var at = 0; at < frameLength; at++)
        {
            var region = codec.Region.AsSpan(0, codec.Tail).ToArray();
            region[offsets[1] + at] ^= 0x10;
            var status = Frames.Read(region, offsets[1], out var body, out _);
            var padding = at >= RecordFrame.HeaderSize + BodyLength(codec, offsets[1]);
            if (padding)
            {
                continue; // the padding after a body is not covered, and reading it changes nothing
            }

            Assert.True(status is FrameStatus.Corrupt or FrameStatus.NotCommitted, $"byte {at}: {status}");
            Assert.Equal(offsets[2], Frames.Resync(region, offsets[1], FrameChecksum.Crc32C));
        }
    }

    [Fact]
    public void A_frame_cut_short_by_the_end_of_the_region_is_corrupt_and_an_end_marker_ends_the_region()
    {
        var codec = ThreeFrames(out var offsets);
        var torn = codec.Region.AsSpan(0, offsets[2] + 12).ToArray();
        Assert.Equal(FrameStatus.Corrupt, Frames.Read(torn, offsets[2], out _, out _));
        Assert.Equal(torn.Length, Frames.Resync(torn, offsets[2], FrameChecksum.Crc32C));

        var ended = codec.Region.AsSpan(0, codec.Tail + 64).ToArray();
        Frames.WriteEnd(ended.AsSpan(offsets[1]));
        Assert.Equal(FrameStatus.End, Frames.Read(ended, offsets[1], out _, out _));
    }

    private static int BodyLength(RecordCodec codec, int offset) => BitConverter.ToInt32(codec.Region, offset);

    private static RecordCodec ThreeFrames(out int[] offsets)
    {
        var codec = new RecordCodec();
        var category = codec.Category("c");
        offsets = [.. Enumerable.Range(0, 3).Select(i => codec.Append(RecordCodec.Event(category, RecordCodec.State("n={V0} s={V1}", i, new string('x', i * 7)))).Offset)];
        return codec;
    }
}
