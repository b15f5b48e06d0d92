using MetaMock.JobLogging.CloudWatch.Sending.Streams;


namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Streams;

public sealed class PendingEventsTests
{
    [Fact]
    public void Sorting_orders_by_timestamp_and_keeps_capture_order_within_a_millisecond()
    {
        var events = new PendingEvents();
        foreach (var (timestamp, sequence) in new[] { (5L, 0L), (3L, 1L), (5L, 2L), (3L, 3L), (1L, 4L) })
        {
            events.Add(new PendingEvent(timestamp, sequence, (0, 0, 1), 1, 1));
        }

        events.Sort();

        Assert.Equal([4L, 1L, 3L, 0L, 2L], events.AsSpan().ToArray().Select(e => e.Sequence));
    }

    [Fact]
    public void Removing_settled_events_keeps_the_others_in_order()
    {
        var events = new PendingEvents();
        for (var i = 0; i < 6; i++)
        {
            events.Add(new PendingEvent(i, i, (0, 0, 1), 1, 1));
        }

        events[1].Settled = true;
        events[4].Settled = true;
        events.RemoveSettled();

        Assert.Equal([0L, 2L, 3L, 5L], events.AsSpan().ToArray().Select(e => e.Sequence));
    }

    [Fact]
    public void A_stream_keeps_its_array_while_busy_and_gives_it_back_after_a_whole_round_without_events()
    {
        var events = new PendingEvents();
        events.Add(new PendingEvent(0, 0, (0, 0, 1), 1, 1));
        events[0].Settled = true;
        events.RemoveSettled();

        events.TrimIfIdle(); // Emptied by this round's send: kept for the next round.
        Assert.NotEqual(0, events.Capacity);
        events.Add(new PendingEvent(0, 1, (0, 0, 1), 1, 1));
        events[0].Settled = true;
        events.RemoveSettled();
        events.TrimIfIdle();
        Assert.NotEqual(0, events.Capacity);

        events.TrimIfIdle(); // A whole round with nothing: back to the pool.
        Assert.Equal(0, events.Capacity);
    }
}
