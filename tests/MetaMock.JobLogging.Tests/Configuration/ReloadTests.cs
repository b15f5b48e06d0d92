using MetaMock.JobLogging.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Configuration;

public sealed class ReloadTests
{
    [Fact]
    public void A_configuration_reload_changes_format_and_level_without_a_restart()
    {
        using var harness = new LoggingHarness(configuration: new Dictionary<string, string?> { ["MetaMockLogging:LogLevel"] = "Warning" });
        var logger = harness.Logger();
        logger.LogInformation("before: filtered");
        logger.LogWarning("before: text");

        harness.Configuration["MetaMockLogging:Format"] = "Json";
        harness.Configuration["MetaMockLogging:LogLevel"] = "Information";
        harness.Configuration.Reload();
        logger.LogInformation("after: json");

        var records = harness.Console.Records;
        Assert.Equal(2, records.Count);
        Assert.Equal("[WARNING] before: text", records[0]);
        Assert.StartsWith("{", records[1], StringComparison.Ordinal);
        Assert.Contains("\"message\":\"after: json\"", records[1], StringComparison.Ordinal);
    }
}
