using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// An endpoint that stores a put and then resets the connection: the answer is lost, the events may be stored. They
/// are sent once more, never again after a second loss, and the copies that may be duplicates are counted.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class LostAnswerTests(MotoFixture moto)
{
    private const int Lines = 20;

    [Fact]
    public async Task One_lost_answer_sends_the_events_once_more_and_counts_them_as_possible_duplicates()
    {
        var (copies, diagnostics, resets) = await SendAsync(resets: 1, "once-", d => d.EventsSent == Lines);

        Assert.Equal(1, resets);
        Assert.Equal(JobLoad.ExpectedLines("once-0", Lines).Order(StringComparer.Ordinal), copies.Keys.Order(StringComparer.Ordinal));
        Assert.All(copies.Values, count => Assert.Equal(2, count));
        Assert.Equal(Lines, diagnostics.PossibleDuplicates);
        Accounting.AssertAddsUp(diagnostics, Lines);
    }

    [Fact]
    public async Task A_spell_of_lost_answers_stores_no_event_more_than_twice_and_counts_the_rest()
    {
        // Every put is stored and its answer lost, six times in a row: retried inside the HTTP client and again each
        // round, one batch would be stored up to seven times.
        var (copies, diagnostics, _) = await SendAsync(resets: 6, "spell-", d => d.QueuedEvents == 0);

        Assert.Equal(Lines, copies.Count);
        Assert.All(copies.Values, count => Assert.InRange(count, 1, 2));
        Assert.Equal(Lines, diagnostics.DroppedByReason["answer_lost"]);
        Assert.Equal(copies.Values.Sum() - Lines, diagnostics.PossibleDuplicates);
        Accounting.AssertAddsUp(diagnostics, Lines);
    }

    // One job's lines through a proxy that loses the answers of its first `resets` applied puts; how often moto stored each line.
    private async Task<(Dictionary<string, int> Copies, MetaMockLoggingDiagnostics Diagnostics, int Resets)> SendAsync(
        int resets, string job, Func<MetaMockLoggingDiagnostics, bool> settled)
    {
        using var proxy = new FaultProxy(moto.Endpoint) { ResetAfterApplyingPuts = resets };
        proxy.Start();
        var group = WireClients.UniqueGroup("lost");
        using var harness = LoggingHarness.Start(proxy.Endpoint, group);
        await JobLoad.EmitAsync(harness.CreateLogger(), job, jobs: 1, lines: Lines);
        await Eventually.TrueAsync(() => settled(harness.Diagnostics), "every event is settled");

        using var reader = new CloudWatchReader(moto.Endpoint);
        var copies = (await reader.MessagesAsync(group, $"jobs/{job}0"))
            .GroupBy(m => m, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (copies, harness.Diagnostics, proxy.Resets);
    }
}
