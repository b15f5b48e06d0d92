using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

public sealed class SpoolSlotTests
{
    [Fact]
    public void A_settled_segment_is_named_settled_in_the_checkpoint_and_its_file_recycled_and_a_live_one_is_kept()
    {
        using var spool = new TempSpool();
        using var slot = spool.Claim();
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);
        TempSpool.Append(log, tables, Enumerable.Range(0, 2_000).Select(i => (long)i)); // about 32 bytes a record: four segments
        var before = TempSpool.SegmentFiles(slot.Path);
        Assert.Equal(2_000, RecordCodec.DrainAndSettle(log));
        var after = TempSpool.SegmentFiles(slot.Path);
        Assert.True(before.Length >= 3, $"{before.Length} segments");
        Assert.Equal([before[^1]], after); // the current segment is not sealed: it stays
        Assert.True(File.Exists(Path.Combine(slot.Path, SpoolCheckpoint.FileName)));
        Assert.Equal(before.Length - 1, TempSpool.FreeFiles(slot.Path).Length); // the settled files wait for reuse
        Assert.Equal(before.Length * FileSegment.FileSize(TempSpool.SegmentCapacity), slot.Bytes);
    }

    [Fact]
    public void A_segment_the_checkpoint_names_settled_is_deleted_at_adoption_without_being_replayed()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(2_000);
        var slotPath = Directory.GetDirectories(spool.Root).Single();
        var files = TempSpool.SegmentFiles(slotPath);
        // The process died after the checkpoint was made durable and before it deleted the first file.
        var checkpoint = new SpoolCheckpoint();
        checkpoint.MarkSettled(0);
        checkpoint.Save(slotPath);

        using var slot = spool.Claim();
        var numbers = TempSpool.Replay(slot);

        Assert.False(File.Exists(files[0]));
        Assert.True(numbers.Count > 0 && numbers[0] > 0, "the first segment's records were not replayed");
        Assert.Equal(Enumerable.Range((int)numbers[0], 2_000 - (int)numbers[0]).Select(i => (long)i), numbers);
    }

    [Fact]
    public void A_new_segment_never_takes_a_sequence_the_checkpoint_names_even_when_its_file_is_gone()
    {
        using var spool = new TempSpool();
        using (spool.Claim())
        {
            // A process settled segment 7 and deleted its file, then stopped before a later checkpoint forgot it.
        }

        var slotPath = Directory.GetDirectories(spool.Root).Single();
        var checkpoint = new SpoolCheckpoint();
        checkpoint.MarkSettled(7);
        checkpoint.Save(slotPath);

        using var slot = spool.Claim();
        var tables = new InternTables();
        Assert.Equal(1, TempSpool.Append(new SegmentLog(slot, tables), tables, [1]));

        // Numbered 7, the live segment would be deleted unread at the next adoption, as settled.
        Assert.Equal("000000000008" + SpoolSlot.SegmentSuffix, Path.GetFileName(Assert.Single(TempSpool.SegmentFiles(slot.Path))));
    }

    [Fact]
    public void A_segment_whose_header_names_another_segment_is_set_aside_not_replayed()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(2_000);
        var slotPath = Directory.GetDirectories(spool.Root).Single();
        var files = TempSpool.SegmentFiles(slotPath);
        // What a power cut can leave: a recycled file renamed into service whose new header never reached the device.
        var renamed = Path.Combine(slotPath, "000000000099" + SpoolSlot.SegmentSuffix);
        File.Copy(files[0], renamed);

        using var slot = spool.Claim();
        var numbers = TempSpool.Replay(slot);

        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => (long)i), numbers);
        Assert.Equal(1, spool.Counters.SegmentsSetAside);
        Assert.True(File.Exists(renamed + SpoolSlot.SetAsideSuffix));
    }

    [Fact]
    public void When_the_spool_reaches_its_byte_bound_an_append_reports_full_and_is_accepted_again_once_segments_are_settled()
    {
        using var spool = new TempSpool();
        using var slot = spool.Claim(maxBytes: 3 * FileSegment.FileSize(TempSpool.SegmentCapacity));
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);

        var accepted = TempSpool.Append(log, tables, Enumerable.Range(0, 10_000).Select(i => (long)i));
        Assert.InRange(accepted, 1_000, 3 * TempSpool.SegmentCapacity / 32);
        Assert.Equal(1, spool.Counters.Full);
        Assert.Equal(3, TempSpool.SegmentFiles(slot.Path).Length);

        Assert.Equal(accepted, RecordCodec.DrainAndSettle(log));
        Assert.Equal(1, TempSpool.Append(log, tables, [1]));
    }

    [Fact]
    public void A_spool_directory_that_cannot_be_created_gives_one_line_naming_the_path_and_the_cause()
    {
        using var spool = new TempSpool();
        var file = Path.Combine(spool.Root, "a-file");
        File.WriteAllText(file, "not a directory");
        var root = Path.Combine(file, "spool");

        Assert.Null(SpoolDirectory.TryClaim(root, SpoolLimits.Default, spool.Counters, spool.Reports.Add));
        var line = Assert.Single(spool.Reports);
        Assert.Contains(root, line, StringComparison.Ordinal);
        Assert.Contains("in memory", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_spool_directory_gives_one_line_naming_the_path_and_the_cause()
    {
        using var spool = new TempSpool();
        using var mount = TestMount.Tmpfs(spool.Root, "ro,size=1m");

        Assert.Null(SpoolDirectory.TryClaim(mount.Path, SpoolLimits.Default, spool.Counters, spool.Reports.Add));
        var line = Assert.Single(spool.Reports);
        Assert.Contains(mount.Path, line, StringComparison.Ordinal);
        Assert.Contains("Read-only file system", line, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_full_disk_a_new_segment_fails_at_creation_is_counted_and_reported_and_appends_report_full()
    {
        using var spool = new TempSpool();
        using var mount = TestMount.Tmpfs(spool.Root, "size=1m");
        var reports = new List<string>();
        var counters = new SpoolCounters();
        using var slot = SpoolDirectory.TryClaim(mount.Path, new SpoolLimits(256 * 1024, 1L << 30), counters, reports.Add)!;
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);

        var accepted = TempSpool.Append(log, tables, Enumerable.Range(0, 100_000).Select(i => (long)i));

        Assert.InRange(accepted, 1_000, 1024 * 1024 / 24); // the 1 MB file system holds three 256 KB segments, not four
        Assert.Equal(1, counters.WriteFailures);
        var line = Assert.Single(reports);
        Assert.Contains(slot.Path, line, StringComparison.Ordinal);
        Assert.Contains("disk was full", line, StringComparison.Ordinal);
        Assert.Equal(accepted, RecordCodec.DrainAndSettle(log));
    }

    [Fact]
    public void The_sync_policy_syncs_before_each_put_in_always_mode_and_once_per_interval_in_interval_mode()
    {
        var time = new FakeTimeProvider();
        var interval = new SpoolSyncPolicy(SpoolSync.Interval, TimeSpan.FromSeconds(1), time);
        var always = new SpoolSyncPolicy(SpoolSync.Always, TimeSpan.Zero, time);
        var none = new SpoolSyncPolicy(SpoolSync.None, TimeSpan.Zero, time);

        Assert.Equal((false, true, false), (interval.BeforeEachPut, always.BeforeEachPut, none.BeforeEachPut));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(interval.IsDue());
        Assert.Equal(TimeSpan.FromMilliseconds(1), interval.DueIn());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(interval.IsDue());
        interval.Synced();
        Assert.False(interval.IsDue());
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal((false, false, (TimeSpan?)null), (always.IsDue(), none.IsDue(), none.DueIn()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpoolSyncPolicy(SpoolSync.Interval, TimeSpan.Zero, time));
    }
}
