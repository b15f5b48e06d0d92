using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// An endpoint that stores a put and then resets the connection: the answer is lost, the events may be stored. They
/// are sent once more, never again after a second loss, and the copies that may be duplicates are counted.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class LostAnswerTests(MotoFixture moto)
{
    [Fact]
    public async Task One_lost_answer_sends_the_events_once_more_and_counts_them_as_possible_duplicates()
    {
        using var proxy = new FaultProxy(moto.Endpoint) { ResetAfterApplyingPuts = 1 };
        proxy.Start();
        var group = WireClients.UniqueGroup("lost");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group);
        await JobLoad.EmitAsync(harness.CreateLogger(), "once-", jobs: 1, lines: 20);
        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 20, "every event is sent");

        var copies = await CopiesAsync(group, "jobs/once-0");
        Assert.Equal(1, proxy.Resets);
        Assert.Equal(JobLoad.ExpectedLines("once-0", 20).Order(StringComparer.Ordinal), copies.Keys.Order(StringComparer.Ordinal));
        Assert.All(copies.Values, count => Assert.Equal(2, count));
        Assert.Equal(20, harness.Diagnostics.PossibleDuplicates);
        Accounting.AssertAddsUp(harness.Diagnostics, 20);
    }

    [Fact]
    public async Task A_spell_of_lost_answers_stores_no_event_more_than_twice_and_counts_the_rest()
    {
        // Every put is stored and its answer lost, six times in a row: retried inside the HTTP client and again each
        // round, one batch would be stored up to seven times.
        using var proxy = new FaultProxy(moto.Endpoint) { ResetAfterApplyingPuts = 6 };
        proxy.Start();
        var group = WireClients.UniqueGroup("spell");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group);
        await JobLoad.EmitAsync(harness.CreateLogger(), "spell-", jobs: 1, lines: 20);
        await Eventually.TrueAsync(() => harness.Diagnostics.QueuedEvents == 0, "every event is settled");

        var copies = await CopiesAsync(group, "jobs/spell-0");
        Assert.Equal(20, copies.Count);
        Assert.All(copies.Values, count => Assert.InRange(count, 1, 2));
        Assert.Equal(20, harness.Diagnostics.DroppedByReason["answer_lost"]);
        Assert.Equal(copies.Values.Sum() - 20, harness.Diagnostics.PossibleDuplicates);
        Accounting.AssertAddsUp(harness.Diagnostics, 20);
    }

    private async Task<Dictionary<string, int>> CopiesAsync(string group, string stream)
    {
        using var reader = new CloudWatchReader(moto.Endpoint);
        return (await reader.MessagesAsync(group, stream)).GroupBy(m => m, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}
