using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Streams;

public sealed class StreamTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_idle_stream_with_nothing_pending_is_forgotten_after_the_idle_timeout()
    {
        var table = new StreamTable(TimeSpan.FromMinutes(10), maxStreams: 100);
        table.Get(Address("jobs/old"), Start);
        table.Get(Address("jobs/busy"), Start).Pending.Add(new PendingEvent(0, (0, 0, 1), 1, 1));
        table.Get(Address("jobs/recent"), Start.AddMinutes(9));

        table.Evict(Start.AddMinutes(10));

        Assert.Equal(["jobs/busy", "jobs/recent"], table.Names().ToArray());
    }

    [Fact]
    public void Past_the_limit_the_least_recently_used_idle_streams_go_first()
    {
        var table = new StreamTable(TimeSpan.FromHours(1), maxStreams: 2);
        for (var i = 0; i < 5; i++)
        {
            table.Get(Address($"jobs/{i}"), Start.AddSeconds(i));
        }

        table.Evict(Start.AddSeconds(5));

        Assert.Equal(["jobs/3", "jobs/4"], table.Names().ToArray());
    }

    [Fact]
    public void A_forgotten_stream_comes_back_as_not_yet_created()
    {
        var table = new StreamTable(TimeSpan.FromMinutes(1), maxStreams: 10);
        table.Get(Address("jobs/a"), Start).Created = true;
        table.Evict(Start.AddHours(1));

        Assert.False(table.Get(Address("jobs/a"), Start.AddHours(1)).Created);
    }

    [Fact]
    public void After_a_round_the_empty_streams_beyond_the_limit_are_forgotten_at_once_but_not_those_with_events()
    {
        var table = new StreamTable(TimeSpan.FromHours(1), maxStreams: 2);
        for (var i = 0; i < 6; i++)
        {
            var stream = table.Get(Address($"jobs/{i}"), Start.AddSeconds(i));
            stream.Pending.Add(new PendingEvent(0, (0, i, 1), 1, 1));
            if (i != 1)
            {
                // Delivered: the stream is empty but still holds its array.
                stream.Pending[0].Settled = true;
                stream.Pending.RemoveSettled();
            }
        }

        table.TrimToCap(Start.AddSeconds(6));

        // jobs/1 still has an event; of the empty ones, only the most recent fits under the limit.
        Assert.Equal(["jobs/1", "jobs/5"], table.Names().ToArray());
    }

    [Fact]
    public void A_forgotten_stream_gives_its_pending_array_back()
    {
        var table = new StreamTable(TimeSpan.FromHours(1), maxStreams: 1);
        var old = table.Get(Address("jobs/old"), Start);
        old.Pending.Add(new PendingEvent(0, (0, 0, 1), 1, 1));
        old.Pending[0].Settled = true;
        old.Pending.RemoveSettled();
        table.Get(Address("jobs/new"), Start.AddSeconds(1));

        table.Evict(Start.AddSeconds(2));

        Assert.Equal(["jobs/new"], table.Names().ToArray());
        Assert.Equal(0, old.Pending.Capacity);
    }

    [Fact]
    public void Under_the_limit_a_round_forgets_nothing()
    {
        var table = new StreamTable(TimeSpan.FromMinutes(1), maxStreams: 10);
        table.Get(Address("jobs/a"), Start);

        table.TrimToCap(Start.AddHours(1));

        Assert.Equal(["jobs/a"], table.Names().ToArray());
    }

    private static StreamAddress Address(string stream) => new("group", stream);
}
