using MetaMock.JobLogging.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Configuration;

public sealed class SettingsPrecedenceTests
{
    [Fact]
    public void With_nothing_set_the_spec_defaults_apply()
    {
        using var harness = new LoggingHarness();
        var o = harness.Options;
        Assert.Equal(MetaMockEnvironment.Development, o.Environment);
        Assert.False(o.UseCloudWatch);
        Assert.Null(o.LogLevel);
        Assert.Equal("metamock-app", o.LogGroup);
        Assert.Equal("ap-south-1", o.Region);
        Assert.Null(o.ServiceName);
        Assert.Equal(LogFormat.Text, o.Format);
        Assert.Equal(string.Empty, harness.Errors.ToString());
    }

    [Fact]
    public void The_spec_environment_variables_are_read()
    {
        using var harness = new LoggingHarness(environment: new Dictionary<string, string?>
        {
            ["ENVIRONMENT"] = "Production",
            ["USE_CLOUDWATCH"] = "true",
            ["LOG_LEVEL"] = "WARNING",
            ["CLOUDWATCH_LOG_GROUP"] = "my-group",
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
            ["SERVICE_NAME"] = "celery-worker",
            ["LOG_FORMAT"] = "json",
        });
        var o = harness.Options;
        Assert.Equal(MetaMockEnvironment.Production, o.Environment);
        Assert.True(o.UseCloudWatch);
        Assert.Equal(LogLevel.Warning, o.LogLevel);
        Assert.Equal("my-group", o.LogGroup);
        Assert.Equal("eu-west-1", o.Region);
        Assert.Equal("celery-worker", o.ServiceName);
        Assert.Equal(LogFormat.Json, o.Format);
    }

    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION()
    {
        using var harness = new LoggingHarness(environment: new Dictionary<string, string?>
        {
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
            ["AWS_REGION"] = "us-east-2",
        });
        Assert.Equal("us-east-2", harness.Options.Region);
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("WARNING", LogLevel.Warning)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("CRITICAL", LogLevel.Critical)]
    [InlineData("None", LogLevel.None)]
    public void LOG_LEVEL_accepts_the_spec_names_and_dotnet_names(string text, LogLevel expected)
    {
        using var harness = new LoggingHarness(environment: new Dictionary<string, string?> { ["LOG_LEVEL"] = text });
        Assert.Equal(expected, harness.Options.LogLevel);
    }

    [Fact]
    public void Configuration_section_is_weaker_than_environment_which_is_weaker_than_code()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["MetaMockLogging:LogGroup"] = "from-config",
            ["MetaMockLogging:ServiceName"] = "from-config",
            ["MetaMockLogging:Format"] = "Json",
            ["MetaMockLogging:LogLevel"] = "Debug",
        };
        var environment = new Dictionary<string, string?>
        {
            ["CLOUDWATCH_LOG_GROUP"] = "from-env",
            ["SERVICE_NAME"] = "from-env",
        };
        using var harness = new LoggingHarness(environment, configuration, o => o.ServiceName = "from-code");
        var o = harness.Options;
        Assert.Equal(LogFormat.Json, o.Format);            // only the section set it
        Assert.Equal(LogLevel.Debug, o.LogLevel);          // only the section set it
        Assert.Equal("from-env", o.LogGroup);              // environment beats the section
        Assert.Equal("from-code", o.ServiceName);          // code beats both
    }

    [Fact]
    public void Invalid_environment_values_give_one_clear_line_each_and_the_default_is_kept()
    {
        using var harness = new LoggingHarness(environment: new Dictionary<string, string?>
        {
            ["LOG_LEVEL"] = "LOUD",
            ["USE_CLOUDWATCH"] = "maybe",
        });
        Assert.Null(harness.Options.LogLevel);
        Assert.False(harness.Options.UseCloudWatch);
        _ = harness.Options;

        var lines = harness.Errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var level = Assert.Single(lines, l => l.Contains("LOG_LEVEL", StringComparison.Ordinal));
        Assert.Contains("\"LOUD\"", level, StringComparison.Ordinal);
        Assert.Contains("TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL", level, StringComparison.Ordinal);
        var cloudWatch = Assert.Single(lines, l => l.Contains("USE_CLOUDWATCH", StringComparison.Ordinal));
        Assert.Contains("\"maybe\"", cloudWatch, StringComparison.Ordinal);
        Assert.Contains("true, false", cloudWatch, StringComparison.Ordinal);

        // The application keeps running and logging with the defaults.
        harness.Logger().LogInformation("still here");
        Assert.Equal(["[INFO] still here"], harness.Console.Records);
    }

    [Fact]
    public void Invalid_configuration_values_name_the_configuration_key()
    {
        using var harness = new LoggingHarness(configuration: new Dictionary<string, string?> { ["MetaMockLogging:Format"] = "xml" });
        Assert.Equal(LogFormat.Text, harness.Options.Format);
        Assert.Contains("configuration key MetaMockLogging:Format has the invalid value \"xml\"", harness.Errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("Test")]
    public void An_environment_name_other_than_development_is_production_like(string name)
    {
        using var harness = new LoggingHarness(configuration: new Dictionary<string, string?> { ["MetaMockLogging:Environment"] = name });
        Assert.Equal(MetaMockEnvironment.Production, harness.Options.Environment);
        Assert.Empty(harness.Errors.ToString());
    }
}
