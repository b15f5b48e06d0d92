using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>A disk that fills while the process runs: every refused append is counted, and the console hears of it once a spell.</summary>
public sealed class SpoolFullDiskTests
{
    [Fact]
    public void Appends_refused_by_a_full_disk_are_each_counted_and_reported_in_one_line_until_a_segment_can_be_created_again()
    {
        using var spool = new TempSpool();
        using var mount = TestMount.Tmpfs(spool.Root, "size=1m"); // three 256 KB segment files, not four
        using var slot = SpoolDirectory.TryClaim(mount.Path, new SpoolLimits(256 * 1024, 1L << 30), spool.Counters, spool.Reports.Add)!;
        var tables = new InternTables();
        var log = new SegmentLog(slot, tables);

        var accepted = TempSpool.Append(log, tables, Enumerable.Range(0, 100_000).Select(i => (long)i));
        var refused = Enumerable.Range(0, 50).Count(i => TempSpool.Append(log, tables, [i]) == 0); // log calls that go on while the disk is full

        Assert.Equal(50, refused);
        Assert.Equal(51, spool.Counters.WriteFailures);
        Assert.Contains("disk was full", Assert.Single(spool.Reports), StringComparison.Ordinal);

        // Delivered segments free the disk: appends are accepted again, and the next spell is reported again.
        Assert.Equal(accepted, RecordCodec.DrainAndSettle(log));
        Assert.InRange(TempSpool.Append(log, tables, Enumerable.Range(0, 100_000).Select(i => (long)i)), 1_000, accepted);
        Assert.Equal(2, spool.Reports.Count);
    }
}
