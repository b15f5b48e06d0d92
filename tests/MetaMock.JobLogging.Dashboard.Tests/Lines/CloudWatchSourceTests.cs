using System.Net;
using MetaMock.JobLogging.CloudWatch.Wire.Reading;
using MetaMock.JobLogging.Dashboard.Tests.Support;
using MetaMock.JobLogging.Hangfire;
using MetaMock.JobLogging.Hangfire.Dashboard;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Dashboard.Tests.Lines;

/// <summary>The CloudWatch side of the panel against moto: settled pages cached, the per-process call cap.</summary>
[Collection(UsesDashboard.Name)]
public sealed class CloudWatchSourceTests(DashboardHost host)
{
    [Fact]
    public async Task A_settled_page_is_served_from_the_cache_and_the_last_one_is_read_again()
    {
        var jobId = "cache-" + Guid.NewGuid().ToString("N");
        await MotoJobLines.WriteAsync(host.Moto, host.Group, jobId, "t", "1", [.. Enumerable.Range(0, 25).Select(i => (LogLevel.Information, $"line {i}"))]);
        using var proxy = new FaultProxy(host.Moto.Endpoint);
        proxy.Start();
        var source = Source(proxy.Endpoint, new MetaMockJobLogsOptions { PageLines = 10 }, TimeProvider.System);

        var first = await source.ReadAsync(jobId, new LinesRequest(LinesFrom.Head, null), CancellationToken.None);
        var callsAfterFirst = proxy.Calls;
        var again = await source.ReadAsync(jobId, new LinesRequest(LinesFrom.Head, null), CancellationToken.None);
        var callsAfterAgain = proxy.Calls;
        var rest = await source.ReadAsync(jobId, new LinesRequest(LinesFrom.Token, first.Next), CancellationToken.None);
        var last = await source.ReadAsync(jobId, new LinesRequest(LinesFrom.Token, rest.Next), CancellationToken.None);
        var lastAgain = await source.ReadAsync(jobId, new LinesRequest(LinesFrom.Token, rest.Next), CancellationToken.None);

        Assert.Equal(10, first.Lines.Count);
        Assert.False(first.AtEnd);
        Assert.Equal(first, again);
        Assert.Equal(callsAfterFirst, callsAfterAgain);
        Assert.Equal(10, rest.Lines.Count);
        Assert.Equal(5, last.Lines.Count);
        Assert.True(last.AtEnd);
        Assert.NotSame(last, lastAgain);
    }

    [Fact]
    public async Task Above_the_call_cap_the_route_answers_429_with_Retry_After()
    {
        var id = await host.RunAsync(j => j.Write(new[] { "capped" }), 1);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var previous = LogPanel.Current!;
        LogPanel.Current = previous with { Source = Source(host.Moto.Endpoint, new MetaMockJobLogsOptions { MaxCloudWatchCallsPerSecond = 2 }, time) };
        try
        {
            using var http = new HttpClient { BaseAddress = host.Address };
            using var first = await http.GetAsync($"hangfire/metamock/job-logs?job={id}");
            using var second = await http.GetAsync($"hangfire/metamock/job-logs?job={id}");

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal((HttpStatusCode)429, second.StatusCode);
            Assert.Equal("1", string.Join(",", second.Headers.GetValues("Retry-After")));
            Assert.DoesNotContain("capped", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            LogPanel.Current = previous;
        }
    }

    [Fact]
    public async Task A_read_that_runs_out_of_calls_returns_what_it_read_and_the_token_to_go_on_from()
    {
        var jobId = "budget-" + Guid.NewGuid().ToString("N");
        await MotoJobLines.WriteAsync(host.Moto, host.Group, jobId, "t", "1", [(LogLevel.Information, "a"), (LogLevel.Information, "b"), (LogLevel.Information, "c")]);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // A head read takes two calls even for three lines: the first answer never says "at end".
        var source = Source(host.Moto.Endpoint, new MetaMockJobLogsOptions { MaxCloudWatchCallsPerSecond = 1 }, time);

        var first = await source.ReadAsync(jobId, new LinesRequest(LinesFrom.Head, null), CancellationToken.None);
        var spent = await Record.ExceptionAsync(() => source.ReadAsync(jobId, new LinesRequest(LinesFrom.Token, first.Next), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1.5));
        var rest = await source.ReadAsync(jobId, new LinesRequest(LinesFrom.Token, first.Next), CancellationToken.None);

        Assert.Equal(["a", "b", "c"], first.Lines.Select(l => l.Text[(l.Text.LastIndexOf(' ') + 1)..]));
        Assert.False(first.AtEnd);
        Assert.NotNull(first.Next);
        Assert.IsType<OverBudgetException>(spent); // nothing read yet: the browser is told to wait
        Assert.Empty(rest.Lines);
        Assert.True(rest.AtEnd);
    }

    [Fact]
    public async Task Only_GET_is_answered_and_a_malformed_token_is_refused()
    {
        var id = await host.RunAsync(j => j.Write(new[] { "method check" }), 1);
        using var http = new HttpClient { BaseAddress = host.Address };

        using var post = await http.PostAsync($"hangfire/metamock/job-logs?job={id}", new StringContent(string.Empty));
        using var badToken = await http.GetAsync($"hangfire/metamock/job-logs?job={id}&token=" + Uri.EscapeDataString("f/1\"><x>"));

        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.DoesNotContain("method check", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
    }

    private CloudWatchLineSource Source(Uri endpoint, MetaMockJobLogsOptions options, TimeProvider time)
    {
        var logging = new MetaMockLoggingOptions();
        MotoLogging.Configure(logging, host.Moto, host.Group);
        logging.ServiceUrl = endpoint;
        return new CloudWatchLineSource(logging, options, time, ct => LogReaderFactory.CreateAsync(logging, ct));
    }
}
