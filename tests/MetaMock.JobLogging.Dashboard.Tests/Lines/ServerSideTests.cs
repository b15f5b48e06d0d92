using MetaMock.JobLogging.Hangfire.Dashboard;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;
using MetaMock.JobLogging.Hangfire.Dashboard.Local;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Dashboard.Tests.Lines;

public sealed class ServerSideTests
{
    [Fact]
    public void The_call_budget_refuses_above_the_cap_until_the_next_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00.250Z", System.Globalization.CultureInfo.InvariantCulture));
        var budget = new CallBudget(2, time);

        Assert.True(budget.TryTake(out _));
        Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(750), retryAfter);
        time.Advance(TimeSpan.FromMilliseconds(750));
        Assert.True(budget.TryTake(out _));
    }

    [Fact]
    public void The_page_cache_stays_within_its_bytes_and_drops_the_oldest_first()
    {
        var page = new LinesPage([new PanelLine(1, new string('x', 468), "INFO", null, null)], "f/1", false, true); // 1,000 bytes
        var cache = new PageCache(2_500);

        cache.Add("a", page);
        cache.Add("b", page);
        cache.Add("c", page);

        Assert.Equal(2_000, cache.Bytes);
        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
    }

    [Fact]
    public async Task Equal_reads_in_flight_share_one_call()
    {
        var shared = new SharedCalls();
        var release = new TaskCompletionSource<LinesPage>();
        var calls = 0;
        Func<Task<LinesPage>> call = () =>
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        };

        var first = shared.RunAsync("job\nf/1", call);
        var second = shared.RunAsync("job\nf/1", call);
        release.SetResult(LinesPage.Missing);
        await Task.WhenAll(first, second);
        await shared.RunAsync("job\nf/1", () => { Interlocked.Increment(ref calls); return Task.FromResult(LinesPage.Missing); });

        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData("f/00000000000000000000000000000000000000000000000000000003", true)]
    [InlineData("b/38123912345678901234567890123456789012345678901234567890/s", true)]
    [InlineData("x/123", false)]
    [InlineData("f/12\"><script>", false)]
    [InlineData("f/", false)]
    public void Only_tokens_shaped_like_CloudWatchs_are_accepted(string token, bool accepted) =>
        Assert.Equal(accepted, TokenShape.IsCloudWatchToken(token));

    [Fact]
    public void A_token_longer_than_the_limit_is_refused() =>
        Assert.False(TokenShape.IsCloudWatchToken("f/" + new string('1', TokenShape.MaxLength)));

    [Fact]
    public async Task The_process_store_keeps_the_latest_lines_of_the_latest_jobs_and_polls_from_a_token()
    {
        var store = new RecentJobLines(maxJobs: 2, maxLinesPerJob: 3, pageLines: 100);
        for (var i = 0; i < 5; i++)
        {
            store.Add("a", Line($"a{i}"));
        }

        store.Add("b", Line("b0"));
        store.Add("c", Line("c0")); // the third job pushes out the least recently written one, "a"

        Assert.False((await store.ReadAsync("a", new LinesRequest(LinesFrom.Head, null), CancellationToken.None)).Found);
        var b = await store.ReadAsync("b", new LinesRequest(LinesFrom.Head, null), CancellationToken.None);
        Assert.Equal(["b0"], b.Lines.Select(l => l.Text));
        store.Add("b", Line("b1"));
        var polled = await store.ReadAsync("b", new LinesRequest(LinesFrom.Token, b.Next), CancellationToken.None);
        Assert.Equal(["b1"], polled.Lines.Select(l => l.Text));
        Assert.True(polled.AtEnd);
        Assert.True(store.IsToken(polled.Next!));
        Assert.False(store.IsToken("p/1x"));
    }

    [Fact]
    public async Task The_process_store_keeps_only_the_last_lines_of_a_job()
    {
        var store = new RecentJobLines(maxJobs: 2, maxLinesPerJob: 3, pageLines: 100);
        for (var i = 0; i < 5; i++)
        {
            store.Add("a", Line($"a{i}"));
        }

        var page = await store.ReadAsync("a", new LinesRequest(LinesFrom.Head, null), CancellationToken.None);

        Assert.Equal(["a2", "a3", "a4"], page.Lines.Select(l => l.Text));
    }

    private static PanelLine Line(string text) => new(0, text, "INFO", null, null);
}
