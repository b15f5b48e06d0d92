using System.Globalization;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

public sealed class BoundedLogEventBufferTests
{
    [Fact]
    public void Writes_beyond_the_event_limit_are_refused_until_room_is_released()
    {
        var buffer = new BoundedLogEventBuffer(maxEvents: 2, maxBytes: long.MaxValue, wakeAtEvents: 100, drainAtEvents: 100, wake: () => { });

        var results = Enumerable.Range(0, 3).Select(_ => buffer.TryWrite(Event("x"), waitForRoom: false)).ToList();
        var drained = new List<CapturedEvent>();
        buffer.Drain(drained, int.MaxValue);

        Assert.Equal([BufferWriteResult.Accepted, BufferWriteResult.Accepted, BufferWriteResult.Full], results);
        Assert.Equal(BufferWriteResult.Full, buffer.TryWrite(Event("x"), false)); // drained but not released: still held
        buffer.Release(1, drained[0].BufferBytes);
        Assert.Equal(BufferWriteResult.Accepted, buffer.TryWrite(Event("x"), false));
    }

    [Fact]
    public void The_byte_limit_counts_two_bytes_per_character_plus_the_fixed_cost()
    {
        var one = Event(new string('a', 50)).BufferBytes;
        var buffer = new BoundedLogEventBuffer(maxEvents: 100, maxBytes: (2 * one) + 1, wakeAtEvents: 100, drainAtEvents: 100, wake: () => { });

        Assert.Equal(CapturedEvent.FixedCost + 100, one);
        Assert.Equal(BufferWriteResult.Accepted, buffer.TryWrite(Event(new string('a', 50)), false));
        Assert.Equal(BufferWriteResult.Accepted, buffer.TryWrite(Event(new string('a', 50)), false));
        Assert.Equal(BufferWriteResult.Full, buffer.TryWrite(Event(new string('a', 50)), false));
        Assert.Equal(2 * one, buffer.Bytes);
    }

    [Fact]
    public void Filling_to_the_threshold_wakes_the_sender_once_not_once_per_event()
    {
        var wakes = 0;
        var buffer = new BoundedLogEventBuffer(maxEvents: 1_000, maxBytes: long.MaxValue, wakeAtEvents: 10, drainAtEvents: 10, wake: () => wakes++);

        for (var i = 0; i < 500; i++)
        {
            buffer.TryWrite(Event("x"), false);
        }

        Assert.Equal(1, wakes);
    }

    [Fact]
    public void A_writer_opening_a_queue_segment_wakes_the_sender_to_drain_only_when_enough_is_undrained()
    {
        const int segment = QueueSegment<CapturedEvent>.Size;
        var wakes = 0;
        var buffer = new BoundedLogEventBuffer(maxEvents: 100_000, maxBytes: long.MaxValue, wakeAtEvents: 1_000_000, drainAtEvents: 2_000, wake: () => wakes++);
        Write(buffer, 2 * segment);
        var beforeThreshold = wakes;
        // This write opens the third segment with 2,049 undrained: a wake-up.
        Write(buffer, 1);
        var atThreshold = wakes;

        buffer.Drain([], int.MaxValue);
        // Opening the fourth segment finds only 1,024 undrained (the drained ones still count against the limits).
        Write(buffer, (2 * segment) - 1);
        var afterDrain = wakes;
        // This one opens the fifth with 2,048 undrained.
        Write(buffer, 1);

        Assert.Equal(0, beforeThreshold);
        Assert.Equal(1, atThreshold);
        Assert.Equal(1, afterDrain);
        Assert.Equal(2, wakes);
        Assert.Equal(4 * segment, buffer.Events - 1);
    }

    [Fact]
    public void A_wake_ups_worth_of_queued_events_is_a_backlog_until_the_sender_drains_it()
    {
        var buffer = new BoundedLogEventBuffer(maxEvents: 1_000, maxBytes: long.MaxValue, wakeAtEvents: 10, drainAtEvents: 10, wake: () => { });
        for (var i = 0; i < 9; i++)
        {
            buffer.TryWrite(Event("x"), false);
        }

        var belowThreshold = buffer.HasBacklog;
        buffer.TryWrite(Event("x"), false);
        var atThreshold = buffer.HasBacklog;
        buffer.Drain([], int.MaxValue);

        Assert.False(belowThreshold);
        Assert.True(atThreshold);
        // Drained but not yet delivered: still counted against the limits, but nothing is waiting to be drained.
        Assert.False(buffer.HasBacklog);
        Assert.Equal(10, buffer.Events);
    }

    [Fact]
    public async Task In_wait_mode_a_full_buffer_blocks_the_writer_until_room_is_released()
    {
        var buffer = new BoundedLogEventBuffer(maxEvents: 1, maxBytes: long.MaxValue, wakeAtEvents: 100, drainAtEvents: 100, wake: () => { });
        buffer.TryWrite(Event("first"), waitForRoom: true);

        var blocked = Task.Run(() => buffer.TryWrite(Event("second"), waitForRoom: true));
        var finishedEarly = await Task.WhenAny(blocked, Task.Delay(200)) == blocked;
        var drained = new List<CapturedEvent>();
        buffer.Drain(drained, 1);
        buffer.Release(1, drained[0].BufferBytes);

        Assert.False(finishedEarly);
        Assert.Equal(BufferWriteResult.Accepted, await blocked.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Closing_releases_a_waiting_writer_with_Closed()
    {
        var buffer = new BoundedLogEventBuffer(maxEvents: 1, maxBytes: long.MaxValue, wakeAtEvents: 100, drainAtEvents: 100, wake: () => { });
        buffer.TryWrite(Event("first"), waitForRoom: true);
        var blocked = Task.Run(() => buffer.TryWrite(Event("second"), waitForRoom: true));

        buffer.Close();

        Assert.Equal(BufferWriteResult.Closed, await blocked.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Eight_writers_waiting_for_room_and_one_draining_sender_lose_duplicate_and_reorder_nothing()
    {
        const int writers = 8;
        const int perWriter = 20_000;
        // Far smaller than what is written: the writers spend most of the test waiting for room.
        var buffer = new BoundedLogEventBuffer(maxEvents: 3_000, maxBytes: long.MaxValue, wakeAtEvents: 1_000, drainAtEvents: 1_000, wake: () => { });
        var writing = Enumerable.Range(0, writers).Select(w => Task.Factory.StartNew(
            () => Enumerable.Range(0, perWriter).Count(i => buffer.TryWrite(Event($"{w}:{i}"), waitForRoom: true) == BufferWriteResult.Accepted),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        var next = new int[writers];
        var received = 0;
        var drained = new List<CapturedEvent>();
        while (received < writers * perWriter)
        {
            drained.Clear();
            if (buffer.Drain(drained, 512) == 0)
            {
                Thread.Yield();
            }

            foreach (var item in drained)
            {
                var parts = item.Message.Split(':');
                var (writer, sequence) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
                Assert.Equal(next[writer], sequence);
                next[writer]++;
                buffer.Release(1, item.BufferBytes);
            }

            received += drained.Count;
        }

        Assert.All(await Task.WhenAll(writing), accepted => Assert.Equal(perWriter, accepted));
        Assert.Equal(0, buffer.Events);
        Assert.Equal(0, buffer.Bytes);
    }

    private static CapturedEvent Event(string message) =>
        new(DateTimeOffset.UnixEpoch, LogLevel.Information, "c", message, null, null, null);

    private static void Write(BoundedLogEventBuffer buffer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            buffer.TryWrite(Event("x"), false);
        }
    }
}
