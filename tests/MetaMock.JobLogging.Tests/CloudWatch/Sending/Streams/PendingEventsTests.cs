using System.Runtime.CompilerServices;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;


namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Streams;

public sealed class PendingEventsTests
{
    [Fact]
    public void Sorting_orders_by_timestamp_and_keeps_capture_order_within_a_millisecond()
    {
        var events = new PendingEvents();
        foreach (var (timestamp, id) in new[] { (5L, 0), (3L, 1), (5L, 2), (3L, 3), (1L, 4) })
        {
            events.Add(Event(timestamp, id));
        }

        events.Sort();

        Assert.Equal([4, 1, 3, 0, 2], Ids(events));
    }

    [Fact]
    public void Sorting_many_events_with_few_distinct_timestamps_keeps_capture_order_within_each()
    {
        // Enough equal keys that an unstable sort (the span's introsort) would reorder some of them.
        var events = new PendingEvents();
        for (var id = 0; id < 1_000; id++)
        {
            events.Add(Event(timestamp: (id * 7) % 3, id));
        }

        events.Sort();

        var expected = Enumerable.Range(0, 1_000).OrderBy(id => (id * 7) % 3).ToArray();
        Assert.Equal(expected, Ids(events));
    }

    [Fact]
    public void Removing_settled_events_keeps_the_others_in_order()
    {
        var events = new PendingEvents();
        for (var i = 0; i < 6; i++)
        {
            events.Add(Event(i, i));
        }

        events[1].Settled = true;
        events[4].Settled = true;
        events.RemoveSettled();

        Assert.Equal([0, 2, 3, 5], Ids(events));
    }

    [Fact]
    public void Growing_from_small_arrays_to_pooled_ones_and_back_keeps_every_event_in_order()
    {
        var events = new PendingEvents();
        var capacities = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            events.Add(Event(i, i));
            capacities.Add(events.Capacity);
        }

        Assert.Equal([4, 8, 16, 32, 64], capacities.Distinct());
        Assert.Equal(Enumerable.Range(0, 40), Ids(events));
        Assert.Equal(40, events.MessageBytes);
        events.Clear();
        Assert.Equal(0, events.Capacity);
        events.Add(Event(0, 7));
        Assert.Equal([7], Ids(events));
    }

    [Fact]
    public void A_pending_event_is_32_bytes_without_references_and_keeps_its_fields_and_flags_apart()
    {
        Assert.Equal(32, Unsafe.SizeOf<PendingEvent>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<PendingEvent>());

        var item = new PendingEvent(1_700_000_000_123, (3, 4, (1 << 28) - 1), 1, int.MaxValue, origin: long.MaxValue);
        item.AnswerLost = true;
        Assert.Equal((1_700_000_000_123L, 3, 4, (1 << 28) - 1, 1, int.MaxValue, long.MaxValue, false, true, false),
            (item.Timestamp, item.Chunk, item.Offset, item.Utf8Bytes, item.EventCount, item.BufferBytes, item.Origin, item.Settled, item.AnswerLost, item.Printed));
        item.Settled = true;
        item.AnswerLost = false;
        Assert.Equal(((1 << 28) - 1, 1, true, false, false), (item.Utf8Bytes, item.EventCount, item.Settled, item.AnswerLost, item.Printed));

        var part = new PendingEvent(0, (0, 0, 5), 0, 0, printed: true);
        Assert.Equal((5, 0, false, false, true), (part.Utf8Bytes, part.EventCount, part.Settled, part.AnswerLost, part.Printed));
        part.Settled = true;
        Assert.Equal((5, 0, true, false, true), (part.Utf8Bytes, part.EventCount, part.Settled, part.AnswerLost, part.Printed));
    }

    [Fact]
    public void A_pending_event_refuses_what_it_cannot_hold_rather_than_truncate_it()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PendingEvent(0, (0, 0, 1 << 28), 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PendingEvent(0, (0, 0, 1), 2, 1));
        Assert.Throws<OverflowException>(() => new PendingEvent(0, (0, 0, 1), 1, int.MaxValue + 1L));
    }

    [Fact]
    public void A_stream_keeps_its_array_while_busy_and_gives_it_back_after_a_whole_round_without_events()
    {
        var events = new PendingEvents();
        events.Add(Event(0, 0));
        events[0].Settled = true;
        events.RemoveSettled();

        events.TrimIfIdle(); // Emptied by this round's send: kept for the next round.
        Assert.NotEqual(0, events.Capacity);
        events.Add(Event(0, 1));
        events[0].Settled = true;
        events.RemoveSettled();
        events.TrimIfIdle();
        Assert.NotEqual(0, events.Capacity);

        events.TrimIfIdle(); // A whole round with nothing: let go.
        Assert.Equal(0, events.Capacity);
    }

    // The offset stands for the event's identity: nothing here reads the text.
    private static PendingEvent Event(long timestamp, int id) => new(timestamp, (0, id, 1), 1, 1);

    private static int[] Ids(PendingEvents events) => events.AsSpan().ToArray().Select(e => e.Offset).ToArray();
}
