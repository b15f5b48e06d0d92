using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>
/// Settled segments' files are recycled into later segments. A process's death is simulated by disposing its slot
/// (which only unmaps the files and releases the lock, as the OS does for a dead process) and adopting the slot again.
/// </summary>
public sealed class SpoolRecyclingTests
{
    private static readonly long FileSize = FileSegment.FileSize(TempSpool.SegmentCapacity);

    [Fact]
    public void A_recycled_files_old_records_are_never_read_again_after_the_process_dies()
    {
        using var spool = new TempSpool();
        int last;
        string recycled;
        using (var slot = spool.Claim())
        {
            var tables = new InternTables();
            var log = new SegmentLog(slot, tables);
            Assert.Equal(2_000, TempSpool.Append(log, tables, Numbers(0, 2_000))); // about four segments of 500
            Assert.Equal(2_000, RecordCodec.DrainAndSettle(log));
            var free = TempSpool.FreeFiles(slot.Path).Length;
            Assert.InRange(free, 2, SpoolFreeFiles.MaxFiles);

            // Fill the current segment and a few records of one more: a recycled file, its old records beyond the new
            // ones' end.
            last = 1_999;
            while (TempSpool.SegmentFiles(slot.Path).Length < 2)
            {
                Assert.Equal(1, TempSpool.Append(log, tables, [++last]));
            }

            last += TempSpool.Append(log, tables, Numbers(last + 1, 100));
            recycled = TempSpool.SegmentFiles(slot.Path)[^1];
            Assert.Equal(free - 1, TempSpool.FreeFiles(slot.Path).Length);
        }

        using var adopted = spool.Claim();
        Assert.Contains(adopted.Recovered, r => r.Segment.Path == recycled);
        var numbers = TempSpool.Replay(adopted);

        Assert.InRange(numbers[0], 1_000, 1_999); // the segments settled before the death are not replayed
        Assert.Equal(Numbers(numbers[0], last + 1 - (int)numbers[0]), numbers);
        Assert.Equal(0, spool.Counters.CorruptRecords);
    }

    [Theory]
    [InlineData(nameof(RecycleStep.Checkpointed))]
    [InlineData(nameof(RecycleStep.MovedOut))]
    [InlineData(nameof(RecycleStep.Cleared))]
    [InlineData(nameof(RecycleStep.Stamped))]
    [InlineData(nameof(RecycleStep.Named))]
    public void A_slot_left_at_any_step_of_recycling_is_adopted_and_replays_exactly_the_live_records(string step)
    {
        var crashAt = Enum.Parse<RecycleStep>(step);
        using var spool = new TempSpool();
        var last = -1;
        using (var slot = spool.Claim())
        {
            slot.Free.StepDone = step =>
            {
                if (step == crashAt)
                {
                    throw new SimulatedCrash();
                }
            };
            var tables = new InternTables();
            var log = new SegmentLog(slot, tables);
            var crash = Record.Exception(() =>
            {
                foreach (var number in Numbers(0, 4_000))
                {
                    if (number == 2_000)
                    {
                        RecordCodec.DrainAndSettle(log);
                    }

                    Assert.Equal(1, TempSpool.Append(log, tables, [number]));
                    last = (int)number;
                }
            });
            Assert.IsType<SimulatedCrash>(crash);
        }

        using (var adopted = spool.Claim())
        {
            var numbers = TempSpool.Replay(adopted);

            Assert.InRange(numbers[0], 1, last); // the first segment's settling was durable before any step
            Assert.Equal(Numbers(numbers[0], last + 1 - (int)numbers[0]), numbers);
            Assert.Equal((0, 0L), (spool.Counters.CorruptRecords, spool.Counters.SegmentsSetAside));
            Assert.Empty(TempSpool.SegmentFiles(adopted.Path));
            Assert.InRange(TempSpool.FreeFiles(adopted.Path).Length, 1, SpoolFreeFiles.MaxFiles);
            Assert.Equal(TempSpool.FreeFiles(adopted.Path).Length * FileSize, adopted.Bytes);

            // The files the dead process left free serve the adopting one, and hold only its records.
            var tables = new InternTables();
            var log = new SegmentLog(adopted, tables);
            Assert.Equal(1_000, TempSpool.Append(log, tables, Numbers(10_000, 1_000)));
        }

        using var again = spool.Claim();
        Assert.Equal(Numbers(10_000, 1_000), TempSpool.Replay(again));
        Assert.Equal(0, spool.Counters.CorruptRecords);
    }

    [Fact]
    public void Free_files_count_against_the_byte_bound_and_the_files_on_disk_never_pass_it()
    {
        using var spool = new TempSpool();
        using var slot = spool.Claim(maxBytes: 3 * FileSize);
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);

        var next = 0;
        for (var round = 0; round < 4; round++)
        {
            var accepted = TempSpool.Append(log, tables, Numbers(next, 10_000));
            next += accepted;
            Assert.Equal(round + 1, spool.Counters.Full);
            Assert.Equal(3 * FileSize, slot.Bytes);
            Assert.Equal(slot.Bytes, OnDisk(slot.Path));
            Assert.Equal(accepted, RecordCodec.DrainAndSettle(log));
            Assert.Equal(slot.Bytes, OnDisk(slot.Path)); // the settled files are free, counted, or deleted
            Assert.InRange(TempSpool.FreeFiles(slot.Path).Length, 1, SpoolFreeFiles.MaxFiles);
        }
    }

    [Fact]
    public void A_free_file_gives_way_to_a_segment_of_another_size_within_the_byte_bound()
    {
        using var spool = new TempSpool();
        var bound = FileSegment.FileSize(64 * 1024) + FileSize;
        using var slot = spool.Claim(maxBytes: bound);
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);
        var accepted = TempSpool.Append(log, tables, Numbers(0, 10_000));
        RecordCodec.DrainAndSettle(log);
        Assert.InRange(TempSpool.FreeFiles(slot.Path).Length, 2, SpoolFreeFiles.MaxFiles);

        // A record bigger than a segment gets a file of its own size, 64 KB: free files are deleted to make room.
        var big = RecordCodec.State("big {V0}", new string('b', TempSpool.SegmentCapacity));
        var e = new LogEvent(0, Microsoft.Extensions.Logging.LogLevel.Information, tables.Category("Big"), null, big, null, null, null);

        Assert.Equal(AppendResult.Accepted, log.Append(e));
        Assert.Equal(bound, slot.Bytes);
        Assert.Equal(slot.Bytes, OnDisk(slot.Path));
        Assert.Single(TempSpool.FreeFiles(slot.Path));
        Assert.True(accepted > 0);
    }

    [Fact]
    public void A_busy_slot_keeps_its_free_files_and_an_idle_one_is_trimmed_to_a_few()
    {
        using var spool = new TempSpool();
        using var slot = spool.Claim();
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);
        TempSpool.Append(log, tables, Numbers(0, 4_000)); // about eight segments
        RecordCodec.DrainAndSettle(log);
        var free = TempSpool.FreeFiles(slot.Path).Length;
        Assert.InRange(free, SpoolFreeFiles.KeptWhenIdle + 2, SpoolFreeFiles.MaxFiles);

        // A file was taken since the last trim: the slot is busy, its free files stay.
        TempSpool.Append(log, tables, Numbers(4_000, 1_000));
        Assert.Equal(0, slot.TrimFreeFiles());
        var left = TempSpool.FreeFiles(slot.Path).Length;
        Assert.True(left < free, $"{left} free files of {free}: none was taken");

        // None taken since: idle, down to a few, and the bound no longer counts the rest.
        Assert.Equal(left - SpoolFreeFiles.KeptWhenIdle, slot.TrimFreeFiles());
        Assert.Equal(SpoolFreeFiles.KeptWhenIdle, TempSpool.FreeFiles(slot.Path).Length);
        Assert.Equal(OnDisk(slot.Path), slot.Bytes);
    }

    [Fact]
    public void A_stopping_process_leaves_a_few_free_files_which_the_next_one_counts_against_its_bound()
    {
        using var spool = new TempSpool();
        using (var slot = spool.Claim())
        {
            var tables = new InternTables();
            var log = new SegmentLog(slot, tables);
            TempSpool.Append(log, tables, Numbers(0, 4_000));
            RecordCodec.DrainAndSettle(log);
            Assert.True(TempSpool.FreeFiles(slot.Path).Length > SpoolFreeFiles.KeptWhenIdle);
        }

        using var next = spool.Claim();
        Assert.Equal(SpoolFreeFiles.KeptWhenIdle, TempSpool.FreeFiles(next.Path).Length);
        Assert.Equal(OnDisk(next.Path), next.Bytes);
        Assert.Equal(SpoolFreeFiles.KeptWhenIdle * FileSize + FileSize, OnDisk(next.Path)); // and the unsealed last segment
    }

    private static IEnumerable<long> Numbers(long from, int count) => Enumerable.Range(0, count).Select(i => from + i);

    private static long OnDisk(string slot) =>
        TempSpool.SegmentFiles(slot).Concat(TempSpool.FreeFiles(slot)).Sum(path => new FileInfo(path).Length);

    private sealed class SimulatedCrash : Exception
    {
    }
}
