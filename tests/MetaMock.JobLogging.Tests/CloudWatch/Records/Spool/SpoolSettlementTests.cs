using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

public sealed class SpoolSettlementTests
{
    [Fact]
    public void A_segment_settled_and_deleted_on_another_thread_while_the_slot_syncs_it_is_synced_then_closed()
    {
        using var spool = new TempSpool();
        using var slot = spool.Claim();
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);
        var reader = new SegmentLogReader(log);
        // Larger than a segment: it gets a file of its own size, which is deleted, not recycled, once settled.
        Assert.Equal(AppendResult.Accepted, log.Append(new LogEvent(1, LogLevel.Information, tables.Category("Big"), null, new string('x', 20_000), null, null, null)));
        log.SealCurrent();
        Assert.Equal(ReadStatus.Event, reader.TryRead(out _, out var read));
        reader.PassEnds();
        var segment = (FileSegment)read!;
        var path = segment.Path;

        // A put's continuation settles the event on a thread-pool thread while the sender's loop is syncing the slot.
        segment.File.Flushing = () => Task.Run(() => segment.Settle(1)).Wait();
        slot.Sync();

        Assert.True(segment.IsReleased);
        Assert.False(File.Exists(path));
        Assert.DoesNotContain(OpenFiles(), target => target.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_log_call_that_rolls_over_does_not_wait_for_a_checkpoint_the_disk_is_writing()
    {
        using var spool = new TempSpool();
        using var slot = spool.Claim();
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);
        var reader = new SegmentLogReader(log);
        Assert.Equal(10, TempSpool.Append(log, tables, Enumerable.Range(0, 10).Select(i => (long)i)));
        log.SealCurrent(); // the next log call rolls over to a new segment
        Segment? segment = null;
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(ReadStatus.Event, reader.TryRead(out _, out segment));
        }

        reader.PassEnds();
        using var writing = new ManualResetEventSlim();
        using var disk = new ManualResetEventSlim();
        slot.CheckpointWriting = () =>
        {
            writing.Set();
            disk.Wait();
        };

        // A put's continuation settles the segment; the checkpoint naming it settled is held at the disk.
        var settling = Task.Run(() => segment!.Settle(10));
        Assert.True(writing.Wait(TimeSpan.FromSeconds(30)), "the settlement writes the checkpoint");
        var append = Task.Run(() => TempSpool.Append(log, tables, [10]));
        var rolledOver = await Task.WhenAny(append, Task.Delay(TimeSpan.FromSeconds(10))) == append;
        disk.Set();
        await settling;

        Assert.True(rolledOver, "the log call waited for the checkpoint's write");
        Assert.Equal(1, await append);
        Assert.True(segment!.IsReleased);
    }

    [Fact]
    public void Events_settled_after_their_slot_was_released_are_left_for_the_next_start_to_replay()
    {
        using var spool = new TempSpool();
        var slot = spool.Claim();
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);
        var reader = new SegmentLogReader(log);
        Assert.Equal(10, TempSpool.Append(log, tables, Enumerable.Range(0, 10).Select(i => (long)i)));
        log.SealCurrent();
        Segment? segment = null;
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(ReadStatus.Event, reader.TryRead(out _, out segment));
        }

        reader.PassEnds();
        slot.Dispose();
        // A put that returns after a stuck loop's slot was released: its files are unmapped and its lock is gone.
        segment!.Settle(10);

        using var next = spool.Claim();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), TempSpool.Replay(next));
    }

    [Theory]
    [InlineData("the next settlement")]
    [InlineData("the next sync")]
    [InlineData("the next trim")]
    public void Segments_whose_checkpoint_write_failed_are_released_when_it_is_retried(string retry)
    {
        using var spool = new TempSpool();
        using var slot = spool.Claim(maxBytes: 2 * FileSegment.FileSize(TempSpool.SegmentCapacity));
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);
        var reader = new SegmentLogReader(log);
        // Filled to the bound, both segments settle while the checkpoint cannot be written and none is left to settle
        // later; or the first only, and the second settles once the checkpoint can be written again.
        var settleLater = retry == "the next settlement";
        var first = TempSpool.Append(log, tables, Enumerable.Range(0, settleLater ? 600 : 10_000).Select(i => (long)i));
        if (!settleLater)
        {
            log.SealCurrent();
        }

        // A short spell in which the checkpoint cannot be written (a full disk, an I/O error).
        var blocker = Path.Combine(slot.Path, SpoolCheckpoint.FileName + ".tmp");
        Directory.CreateDirectory(blocker);
        Assert.Equal(first, RecordCodec.DrainAndSettle(log, reader));
        Assert.True(spool.Counters.WriteFailures > 0);
        Assert.Single(spool.Reports, line => line.Contains("checkpoint", StringComparison.Ordinal));
        Directory.Delete(blocker);
        switch (retry)
        {
            case "the next settlement":
                log.SealCurrent();
                RecordCodec.DrainAndSettle(log, reader);
                break;
            case "the next sync":
                slot.Sync();
                break;
            default:
                slot.TrimFreeFiles();
                break;
        }

        // Everything was delivered and the checkpoint can be written again: the files are released, the bound holds as much again.
        Assert.Empty(TempSpool.SegmentFiles(slot.Path));
        var second = TempSpool.Append(log, tables, Enumerable.Range(0, 10_000).Select(i => (long)i));
        Assert.True(second >= first * 9 / 10, $"first fill {first} records, second fill {second}; segment files: {string.Join(", ", TempSpool.SegmentFiles(slot.Path).Select(Path.GetFileName))}");
    }

    // What the process holds open (Linux): a file deleted while open shows as "{path} (deleted)".
    private static List<string> OpenFiles() =>
        OperatingSystem.IsLinux()
            ? [.. Directory.GetFiles("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget).OfType<string>()]
            : [];
}
