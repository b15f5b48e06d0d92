using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Intake;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Formatting;
using MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Intake;

public sealed class EventIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_large_spool_left_behind_is_replayed_a_chunk_per_drain_and_new_events_are_taken_in_the_first()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(records: 10_000);
        using var slot = spool.Claim();
        var buffer = new RecordBuffer(new SegmentLog(slot, new InternTables()), 100_000, long.MaxValue, 100, 100, () => { });
        var (intake, taken, counters) = Intake(buffer, slot);
        Append(buffer, "new event");

        var first = intake.Drain(Now);

        Assert.InRange(first, 2, 5_000);
        Assert.Contains(taken, line => line.EndsWith("new event", StringComparison.Ordinal));
        Assert.True(buffer.HasBacklog, "the rest of the replay keeps the sender going round");
        while (buffer.HasBacklog)
        {
            intake.Drain(Now);
        }

        Assert.Equal(10_001, taken.Count);
        Assert.Equal(10_000, counters.Replayed);
        Assert.Equal(10_001, buffer.Events);
    }

    [Fact]
    public void Replay_stops_at_the_buffers_event_limit_and_goes_on_once_events_are_released()
    {
        using var spool = new TempSpool();
        spool.LeaveFilledSlot(records: 3_000);
        using var slot = spool.Claim();
        var buffer = new RecordBuffer(new SegmentLog(slot, new InternTables()), 1_000, long.MaxValue, 100, 100, () => { });
        var (intake, taken, _) = Intake(buffer, slot);

        intake.Drain(Now);
        var atLimit = (taken.Count, buffer.HasBacklog);
        buffer.Release(1_000, buffer.Bytes);
        intake.Drain(Now);

        Assert.Equal((1_000, false), atLimit);
        Assert.Equal(2_000, taken.Count);
    }

    [Fact]
    public void A_drain_that_read_events_gets_a_memory_segment_ready_and_a_quiet_one_lets_it_go()
    {
        var pool = new MemorySegmentPool(capacity: 64 * 1024);
        var buffer = new RecordBuffer(new SegmentLog(pool, new InternTables()), 1_000, long.MaxValue, 100, 100, () => { });
        var (intake, _, _) = Intake(buffer, slot: null);
        Append(buffer, "busy");

        intake.Drain(Now);
        var readyAfterBusyDrain = pool.HasSpare;
        intake.Drain(Now);

        Assert.True(readyAfterBusyDrain);
        Assert.False(pool.HasSpare);
    }

    [Fact]
    public void Formatted_events_are_charged_to_the_buffer_in_one_add_per_256_events_and_exactly_by_the_end_of_the_drain()
    {
        var buffer = new RecordBuffer(new SegmentLog(new MemorySegmentPool(capacity: 64 * 1024), new InternTables()), 10_000, long.MaxValue, 10_000, 8_192, () => { });
        var store = new MessageStore();
        var seen = new List<long>();
        long held = 0;
        var intake = new EventIntake(
            buffer, null, settleOnDelivery: false, new StreamRouter("group", null, "svc", "host"), new StreamTable(TimeSpan.FromMinutes(10), maxStreams: 1_000),
            store, new EventFormatter(LogFormat.Text), new SenderCounters(),
            (StreamState _, in PendingEvent item) =>
            {
                seen.Add(buffer.Bytes);
                held += item.BufferBytes;
            });
        for (var i = 0; i < 300; i++)
        {
            // A short record whose formatted line (level and context) is longer: the difference is charged.
            Append(buffer, "x");
        }

        var appended = buffer.Bytes;
        intake.Drain(Now);

        Assert.Equal(appended, seen[0]);
        Assert.Equal(appended, seen[254]);
        Assert.True(seen[255] > appended, "the 256th event brings the first 256 events' difference");
        Assert.Equal(held, buffer.Bytes);
    }

    private static (EventIntake Intake, List<string> Taken, SenderCounters Counters) Intake(RecordBuffer buffer, SpoolSlot? slot)
    {
        var store = new MessageStore();
        var taken = new List<string>();
        var counters = new SenderCounters();
        var intake = new EventIntake(
            buffer,
            slot is null ? null : new SpoolReplay(slot),
            settleOnDelivery: slot is not null,
            new StreamRouter("group", null, "svc", "host"),
            new StreamTable(TimeSpan.FromMinutes(10), maxStreams: 1_000),
            store,
            new EventFormatter(LogFormat.Text),
            counters,
            (StreamState _, in PendingEvent item) => taken.Add(System.Text.Encoding.UTF8.GetString(store.Read(item))));
        return (intake, taken, counters);
    }

    private static void Append(RecordBuffer buffer, string message) =>
        Assert.Equal(
            BufferWriteResult.Accepted,
            buffer.Append(new LogEvent(Now.UtcTicks, LogLevel.Information, buffer.Log.Tables.Category("c"), null, message, null, null, null), false, out _));
}
