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

    // What the process holds open (Linux): a file deleted while open shows as "{path} (deleted)".
    private static List<string> OpenFiles() =>
        OperatingSystem.IsLinux()
            ? [.. Directory.GetFiles("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget).OfType<string>()]
            : [];
}
