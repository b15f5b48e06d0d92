using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

public sealed class SpoolAdoptionTests
{
    [Fact]
    public void A_process_adopts_every_slot_dead_processes_left_replays_each_and_leaves_a_live_ones_slot_alone()
    {
        using var spool = new TempSpool();
        var first = spool.Claim();
        var live = spool.Claim();
        var third = spool.Claim();
        Fill(first, 0);
        Fill(live, 1_000);
        Fill(third, 2_000);
        first.Dispose(); // two processes died; the one in between still runs
        third.Dispose();

        using (var slot = spool.Claim())
        {
            Assert.Equal(Numbers(0).Concat(Numbers(2_000)), TempSpool.Replay(slot));
        }

        // What was replayed from the adopted slot is checkpointed there: only the process that died since is replayed now.
        live.Dispose();
        using var next = spool.Claim();
        Assert.Equal(Numbers(1_000), TempSpool.Replay(next));
    }

    private static IEnumerable<long> Numbers(long from) => Enumerable.Range(0, 1_200).Select(i => from + i);

    // About three segments of 16 KiB.
    private static void Fill(SpoolSlot slot, long from)
    {
        var tables = new InternTables();
        Assert.Equal(1_200, TempSpool.Append(new SegmentLog(slot, tables), tables, Numbers(from)));
    }

    [Fact]
    public void A_dead_slot_that_cannot_be_locked_is_reported_and_left_while_the_claimed_slot_is_used()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(300); // slot-0: a dead process's, which this start claims
        // slot-1: a dead slot whose lock file cannot be opened (a directory here; in the field, another user's file).
        var other = Path.Combine(spool.Root, "slot-1");
        Directory.CreateDirectory(Path.Combine(other, SpoolSlot.LockFileName));
        File.WriteAllBytes(Path.Combine(other, "000000000000" + SpoolSlot.SegmentSuffix), new byte[128]);

        using var claimed = SpoolDirectory.TryClaim(spool.Root, new SpoolLimits(TempSpool.SegmentCapacity, 1L << 30), spool.Counters, spool.Reports.Add);

        Assert.NotNull(claimed);
        Assert.Equal(Path.Combine(spool.Root, "slot-0"), claimed.Path);
        Assert.NotEmpty(claimed.Recovered);
        var report = Assert.Single(spool.Reports);
        Assert.Contains($"the spool slot {other} a stopped process left cannot be adopted", report, StringComparison.Ordinal);
    }
}
