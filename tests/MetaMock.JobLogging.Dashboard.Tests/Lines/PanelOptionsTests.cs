using Hangfire;
using MetaMock.JobLogging.Hangfire;
using MetaMock.JobLogging.Hangfire.Dashboard;

namespace MetaMock.JobLogging.Dashboard.Tests.Lines;

/// <summary>Panel settings CloudWatch would refuse are refused where they are given, before the panel changes.</summary>
public sealed class PanelOptionsTests
{
    [Theory]
    [InlineData(nameof(MetaMockJobLogsOptions.PageLines), 10_001)]
    [InlineData(nameof(MetaMockJobLogsOptions.PageLines), 0)]
    [InlineData(nameof(MetaMockJobLogsOptions.LatestLines), 20_000)]
    [InlineData(nameof(MetaMockJobLogsOptions.MaxCloudWatchCallsPerSecond), 0)]
    public void A_value_outside_its_range_is_refused_naming_the_option_and_the_panel_is_left_as_it_was(string option, int value)
    {
        var before = LogPanel.Current;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GlobalConfiguration.Configuration.UseMetaMockJobLogs(o =>
        {
            _ = option switch
            {
                nameof(MetaMockJobLogsOptions.PageLines) => o.PageLines = value,
                nameof(MetaMockJobLogsOptions.LatestLines) => o.LatestLines = value,
                _ => o.MaxCloudWatchCallsPerSecond = value,
            };
        }));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Same(before, LogPanel.Current);
    }
}
