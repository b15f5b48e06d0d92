using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;
using MetaMock.JobLogging.Hangfire.Dashboard.Local;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Dashboard.Tests.Local;

/// <summary>The provider that fills the panel's in-process store when CloudWatch is off.</summary>
public sealed class ProcessStoreProviderTests
{
    [Fact]
    public async Task A_value_whose_ToString_throws_becomes_a_counted_placeholder_and_the_log_call_returns()
    {
        var store = new RecentJobLines(maxJobs: 10, maxLinesPerJob: 10, pageLines: 10);
        using var counters = new SenderCounters();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new RecentJobLinesProvider(store, TimeProvider.System, counters)));
        var logger = factory.CreateLogger("job");

        using (MetaMockLogContext.BeginJobContext("wf-throwing-value"))
        {
            logger.LogInformation("value {Value} after", new ThrowingValue());
            logger.LogError(new ThrowingException(), "failed");
        }

        var page = await store.ReadAsync("wf-throwing-value", new LinesRequest(LinesFrom.Head, null), CancellationToken.None);
        Assert.Equal(2, page.Lines.Count);
        Assert.Contains("value [value ToString threw InvalidOperationException] after", page.Lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("[exception ToString threw InvalidOperationException]", page.Lines[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, counters.Placeholders);
    }

    private sealed class ThrowingValue
    {
        public override string ToString() => throw new InvalidOperationException("value");
    }

    private sealed class ThrowingException : Exception
    {
        public override string ToString() => throw new InvalidOperationException("exception");
    }
}
