using System.Buffers.Binary;
using System.IO.Hashing;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

public sealed class SpoolCorruptionTests
{
    private const int Records = 400; // about four segments of 16 KB

    [Fact]
    public void A_torn_frame_at_a_segments_end_is_skipped_and_counted_and_every_other_record_is_replayed()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(Records);
        var last = LastSegment(spool);
        var offsets = FrameOffsets(last);
        // The process died mid-write: the last frame's body is there, its length (written last) is not.
        Patch(last, offsets[^1], bytes => bytes.AsSpan(0, 4).Clear());

        using var slot = spool.Claim();
        var numbers = TempSpool.Replay(slot);

        Assert.Equal(Enumerable.Range(0, Records - 1).Select(i => (long)i), numbers);
        Assert.Equal(1, spool.Counters.CorruptRecords);
    }

    [Fact]
    public void A_segment_file_cut_short_is_read_up_to_the_cut_and_the_frame_it_cut_is_counted()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(Records);
        var first = TempSpool.SegmentFiles(SlotOf(spool))[0];
        var offsets = FrameOffsets(first);
        using (var file = new FileStream(first, FileMode.Open))
        {
            file.SetLength(FileSegment.HeaderSize + offsets[10] + 20);
        }

        using var slot = spool.Claim();
        var numbers = TempSpool.Replay(slot);

        Assert.Equal(Enumerable.Range(0, 10).Concat(Enumerable.Range(offsets.Count, Records - offsets.Count)).Select(i => (long)i), numbers);
        Assert.Equal(1, spool.Counters.CorruptRecords);
    }

    [Fact]
    public void Flipped_bytes_in_the_middle_of_a_segment_lose_only_the_record_they_hit_and_are_counted()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(Records);
        var first = TempSpool.SegmentFiles(SlotOf(spool))[0];
        var offsets = FrameOffsets(first);
        Patch(first, offsets[20] + 30, bytes => bytes[0] ^= 0xFF);
        Patch(first, offsets[40] + 2, bytes => bytes[0] ^= 0x01); // a length field: reading resumes at the next whole frame

        using var slot = spool.Claim();
        var numbers = TempSpool.Replay(slot);

        Assert.Equal(Enumerable.Range(0, Records).Where(i => i is not 20 and not 40).Select(i => (long)i), numbers);
        Assert.Equal(2, spool.Counters.CorruptRecords);
    }

    [Fact]
    public void A_zero_length_segment_is_deleted_and_counted_and_an_unreadable_one_is_renamed_aside_and_counted()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(Records);
        var slotPath = SlotOf(spool);
        var empty = Path.Combine(slotPath, "000000000500.seg");
        var unopenable = Path.Combine(slotPath, "000000000600.seg");
        var garbage = Path.Combine(slotPath, "000000000700.seg");
        File.WriteAllBytes(empty, []);
        Directory.CreateDirectory(unopenable); // open() fails on it however privileged the test runs
        File.WriteAllBytes(garbage, [.. Enumerable.Repeat((byte)0x5A, 4096)]);

        using var slot = spool.Claim();
        var numbers = TempSpool.Replay(slot);

        Assert.Equal(Enumerable.Range(0, Records).Select(i => (long)i), numbers);
        Assert.Equal((1L, 2L, 0L), (spool.Counters.EmptySegments, spool.Counters.SegmentsSetAside, spool.Counters.CorruptRecords));
        Assert.False(File.Exists(empty));
        Assert.True(Directory.Exists(unopenable + SpoolSlot.SetAsideSuffix));
        Assert.True(File.Exists(garbage + SpoolSlot.SetAsideSuffix));
        Assert.Equal(2, spool.Reports.Count(line => line.Contains("renamed to", StringComparison.Ordinal)));
        Assert.Contains(spool.Reports, line => line.Contains(garbage, StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_checkpoint_is_set_aside_and_every_segment_is_replayed_rather_than_skipped()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(Records);
        var checkpoint = Path.Combine(SlotOf(spool), SpoolCheckpoint.FileName);
        File.WriteAllBytes(checkpoint, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);

        using var slot = spool.Claim();

        Assert.Equal(Enumerable.Range(0, Records).Select(i => (long)i), TempSpool.Replay(slot));
        Assert.True(File.Exists(checkpoint + SpoolSlot.SetAsideSuffix));
    }

    [Theory]
    // The previous format's files carry the IEEE CRC-32: read back whole after an upgrade.
    [InlineData(1, Records)]
    // The current format expects CRC-32C: the same frames fail their checksum and are counted.
    [InlineData(2, 0)]
    public void Frames_with_an_IEEE_CRC_32_are_replayed_from_a_version_1_file_only(int version, int expectedReplayed)
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(Records);
        foreach (var file in TempSpool.SegmentFiles(SlotOf(spool)))
        {
            RewriteChecksumsAsCrc32(file, version);
        }

        using var slot = spool.Claim();

        Assert.Equal(Enumerable.Range(0, expectedReplayed).Select(i => (long)i), TempSpool.Replay(slot));
        Assert.Equal(expectedReplayed == Records, spool.Counters.CorruptRecords == 0);
    }

    [Fact]
    public void A_damaged_record_in_a_version_1_file_is_skipped_with_that_files_checksum_and_the_rest_is_replayed()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(Records);
        var files = TempSpool.SegmentFiles(SlotOf(spool));
        var damaged = FrameOffsets(files[0])[20] + 30;
        foreach (var file in files)
        {
            RewriteChecksumsAsCrc32(file, version: 1);
        }

        // Finding the next whole frame after the damaged one must check CRC-32 too, or the rest of the file is lost.
        Patch(files[0], damaged, bytes => bytes[0] ^= 0xFF);

        using var slot = spool.Claim();

        Assert.Equal(Enumerable.Range(0, Records).Where(i => i != 20).Select(i => (long)i), TempSpool.Replay(slot));
        Assert.Equal(1, spool.Counters.CorruptRecords);
    }

    private static string SlotOf(TempSpool spool) => Directory.GetDirectories(spool.Root).Single();

    // What a segment file of the previous format holds: the same frames with an IEEE CRC-32 (version 1).
    private static void RewriteChecksumsAsCrc32(string path, int version)
    {
        var offsets = FrameOffsets(path);
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), version);
        var data = bytes.AsSpan(FileSegment.HeaderSize);
        foreach (var at in offsets)
        {
            var body = data.Slice(at + RecordFrame.HeaderSize, (int)BinaryPrimitives.ReadUInt32LittleEndian(data[at..]));
            BinaryPrimitives.WriteUInt32LittleEndian(data[(at + 4)..], Crc32.HashToUInt32(body));
        }

        File.WriteAllBytes(path, bytes);
    }

    private static string LastSegment(TempSpool spool) => Directory.GetFiles(SlotOf(spool), "*.seg").Order().Last(f => FrameOffsets(f).Count > 0);

    // The offsets (in the data region) of the committed frames of a segment file.
    private static List<int> FrameOffsets(string path)
    {
        var data = File.ReadAllBytes(path).AsSpan(FileSegment.HeaderSize);
        var offsets = new List<int>();
        for (var at = 0; Frames.Read(data, at, out _, out var next) == FrameStatus.Committed; at = next)
        {
            offsets.Add(at);
        }

        return offsets;
    }

    private static void Patch(string path, int dataOffset, Action<byte[]> change)
    {
        var bytes = File.ReadAllBytes(path);
        var window = bytes.AsSpan(FileSegment.HeaderSize + dataOffset).ToArray();
        change(window);
        window.CopyTo(bytes.AsSpan(FileSegment.HeaderSize + dataOffset));
        File.WriteAllBytes(path, bytes);
    }
}
