using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.Tests.CloudWatch;

public sealed class CloudWatchSettingsTests
{
    [Fact]
    public void Without_settings_the_endpoint_is_the_regions_public_one_in_ap_south_1() =>
        Assert.Equal(new Uri("https://logs.ap-south-1.amazonaws.com/"), CloudWatchEndpoint.Resolve(FromEnvironment([])));

    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION_and_names_the_endpoint()
    {
        var options = FromEnvironment(new() { ["AWS_DEFAULT_REGION"] = "eu-west-1", ["AWS_REGION"] = "us-east-2" });

        Assert.Equal("us-east-2", options.Region);
        Assert.Equal(new Uri("https://logs.us-east-2.amazonaws.com/"), CloudWatchEndpoint.Resolve(options));
    }

    [Fact]
    public void The_CloudWatch_specific_endpoint_variable_wins_over_the_general_one() =>
        Assert.Equal(
            new Uri("http://127.0.0.1:4566/"),
            FromEnvironment(new() { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999", ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://127.0.0.1:4566" }).ServiceUrl);

    [Fact]
    public void The_general_endpoint_variable_applies_when_it_is_the_only_one() =>
        Assert.Equal(new Uri("http://127.0.0.1:9999/"), FromEnvironment(new() { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999" }).ServiceUrl);

    [Fact]
    public void Sender_settings_are_read_from_their_variables()
    {
        var options = FromEnvironment(new()
        {
            ["CLOUDWATCH_RETENTION_DAYS"] = "30",
            ["CLOUDWATCH_JOB_LOG_GROUP"] = "metamock-jobs",
            ["CLOUDWATCH_JOB_RETENTION_DAYS"] = "7",
            ["CLOUDWATCH_FLUSH_INTERVAL"] = "0.5",
            ["CLOUDWATCH_SHUTDOWN_TIMEOUT"] = "20",
            ["CLOUDWATCH_BUFFER_MAX_EVENTS"] = "5000",
            ["CLOUDWATCH_BUFFER_MAX_BYTES"] = "1048576",
            ["CLOUDWATCH_BUFFER_FULL_MODE"] = "wait",
            ["CLOUDWATCH_MAX_PARALLEL_STREAMS"] = "8",
        });

        Assert.Equal(
            (30, "metamock-jobs", 7, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20), 5000, 1_048_576L, BufferFullMode.Wait, 8),
            (options.RetentionDays, options.JobLogGroup, options.JobRetentionDays, options.FlushInterval, options.ShutdownTimeout,
             options.MaxBufferedEvents, options.MaxBufferedBytes, options.BufferFullMode, options.MaxParallelStreams));
    }

    [Fact]
    public void A_malformed_value_is_reported_with_what_is_accepted_and_the_default_kept()
    {
        var errors = new StringWriter();
        var options = FromEnvironment(new() { ["CLOUDWATCH_FLUSH_INTERVAL"] = "soon", ["CLOUDWATCH_BUFFER_FULL_MODE"] = "block" }, errors);

        Assert.Equal(TimeSpan.FromSeconds(1), options.FlushInterval);
        Assert.Equal(BufferFullMode.DropNewest, options.BufferFullMode);
        Assert.Contains("CLOUDWATCH_FLUSH_INTERVAL has the invalid value \"soon\"", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("accepted: drop_newest, wait", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_retention_outside_the_allowed_days_is_reported_listing_them()
    {
        var failure = Assert.Single(CloudWatchSettingsCheck.Failures(new MetaMockLoggingOptions { JobRetentionDays = 2 }));

        Assert.Contains("JobRetentionDays (CLOUDWATCH_JOB_RETENTION_DAYS) is 2", failure, StringComparison.Ordinal);
        Assert.Contains("3288, 3653", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws/reserved")]
    [InlineData("has space")]
    [InlineData("colon:name")]
    [InlineData("")]
    public void A_log_group_name_CloudWatch_refuses_is_reported(string group)
    {
        var failure = Assert.Single(CloudWatchSettingsCheck.Failures(new MetaMockLoggingOptions { LogGroup = group }));

        Assert.Contains("LogGroup (CLOUDWATCH_LOG_GROUP)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_settings_are_valid() =>
        Assert.Empty(CloudWatchSettingsCheck.Failures(new MetaMockLoggingOptions()));

    private static MetaMockLoggingOptions FromEnvironment(Dictionary<string, string> variables, StringWriter? errors = null)
    {
        var options = new MetaMockLoggingOptions();
        new ConfigureFromEnvironment(new EnvironmentVariables(variables.GetValueOrDefault), new ConfigurationErrorReporter(errors ?? new StringWriter()))
            .Configure(options);
        return options;
    }
}
