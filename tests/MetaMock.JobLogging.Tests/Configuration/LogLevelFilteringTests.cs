using MetaMock.JobLogging.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Configuration;

public sealed class LogLevelFilteringTests
{
    [Fact]
    public void LOG_LEVEL_sets_the_default_minimum_level()
    {
        using var harness = new LoggingHarness(environment: new Dictionary<string, string?> { ["LOG_LEVEL"] = "WARNING" });
        var logger = harness.Logger();
        logger.LogInformation("dropped");
        logger.LogWarning("kept");
        Assert.Equal(["[WARNING] kept"], harness.Console.Records);
    }

    [Fact]
    public void LOG_LEVEL_overrides_the_Logging_Default_rule_but_category_rules_still_apply()
    {
        using var harness = new LoggingHarness(
            environment: new Dictionary<string, string?> { ["LOG_LEVEL"] = "DEBUG" },
            configuration: new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Noisy"] = "Error",
            });
        harness.Logger("App").LogDebug("app debug");
        harness.Logger("Noisy.Library").LogWarning("noisy warning");
        harness.Logger("Noisy.Library").LogError("noisy error");
        Assert.Equal(["[DEBUG] app debug", "[ERROR] noisy error"], harness.Console.Records);
    }

    [Fact]
    public void Without_LOG_LEVEL_the_hosts_own_rules_decide()
    {
        using var harness = new LoggingHarness(configuration: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
        harness.Logger().LogDebug("visible");
        harness.Logger().LogTrace("hidden");
        Assert.Equal(["[DEBUG] visible"], harness.Console.Records);
    }

    [Fact]
    public void The_provider_alias_MetaMock_binds_provider_specific_levels()
    {
        using var harness = new LoggingHarness(configuration: new Dictionary<string, string?> { ["Logging:MetaMock:LogLevel:Default"] = "Error" });
        harness.Logger().LogWarning("hidden");
        harness.Logger().LogError("shown");
        Assert.Equal(["[ERROR] shown"], harness.Console.Records);
    }
}
