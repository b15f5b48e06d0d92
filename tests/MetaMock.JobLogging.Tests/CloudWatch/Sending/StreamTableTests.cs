using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending;

public sealed class StreamTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_idle_stream_with_nothing_pending_is_forgotten_after_the_idle_timeout()
    {
        var table = new StreamTable(TimeSpan.FromMinutes(10), maxStreams: 100);
        table.Get(Address("jobs/old"), Start);
        table.Get(Address("jobs/busy"), Start).Pending.Add(new PendingEvent(0, 0, (0, 0, 1), 1, 1));
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

    private static StreamAddress Address(string stream) => new("group", stream);
}
