using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Tests.Configuration;

/// <summary>
/// The region becomes part of the endpoint's host name, so a value that is not a region name is refused where it is
/// read: it could otherwise stop the start with a stack trace, or send signed requests to another host.
/// </summary>
public sealed class RegionSettingTests
{
    [Theory]
    [InlineData("eu west-1")]
    [InlineData("example.com/x")]
    [InlineData("example.com")]
    [InlineData("user@eu-west-1")]
    [InlineData("eu-west-1:443")]
    public void A_region_that_is_not_a_region_name_is_one_line_naming_the_variable_and_the_default_is_kept(string value)
    {
        var errors = new StringWriter();

        var options = EnvironmentOptions.Read(Variables(("AWS_REGION", value)), errors);

        Assert.Equal("ap-south-1", options.Region);
        var line = Assert.Single(errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("AWS_REGION", line, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-1", "eu-west-1")]
    [InlineData("us-gov-west-1", "us-gov-west-1")]
    [InlineData(" EU-CENTRAL-2 ", "eu-central-2")]
    public void A_region_name_is_taken_in_lower_case(string value, string expected)
    {
        var errors = new StringWriter();

        var options = EnvironmentOptions.Read(Variables(("AWS_DEFAULT_REGION", value)), errors);

        Assert.Equal(expected, options.Region);
        Assert.Empty(errors.ToString());
    }

    [Fact]
    public void A_region_set_in_code_that_is_not_a_region_name_stops_CloudWatch_with_one_line()
    {
        var report = new LockedWriter();
        var options = new MetaMockLoggingOptions
        {
            Environment = MetaMockEnvironment.Production,
            UseCloudWatch = true,
            Region = "example.com/x",
        };

        var error = Assert.Throws<InvalidOperationException>(() => new StartupReport(report, exit: null).Check(options));

        var line = Assert.Single(report.Lines);
        Assert.Equal(line, error.Message);
        Assert.StartsWith("MetaMock.JobLogging: Region (AWS_REGION) is \"example.com/x\", which is not an AWS region name", line, StringComparison.Ordinal);
    }

    private static EnvironmentVariables Variables(params (string Name, string Value)[] values) =>
        new(name => values.FirstOrDefault(v => v.Name == name).Value);
}
