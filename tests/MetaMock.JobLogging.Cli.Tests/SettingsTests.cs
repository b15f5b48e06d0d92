using MetaMock.JobLogging.Cli.Tests.Support;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.Cli.Tests;

/// <summary>What the command prints about the settings it reads: one line for a bad value, never a URL's password.</summary>
[Collection(UsesMoto.Name)]
public sealed class SettingsTests(MotoFixture fixture)
{
    private readonly string _group = "cli-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_region_that_is_not_a_region_name_is_one_line_naming_AWS_REGION_and_the_command_runs_on()
    {
        var cli = new CliRun(fixture.Endpoint, _group).With("AWS_REGION", "eu west-1");

        var code = await cli.RunAsync("tail", "no-such-job");

        Assert.Equal(3, code);
        var lines = cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("MetaMock.JobLogging: environment variable AWS_REGION has the invalid value \"eu west-1\"", lines[0], StringComparison.Ordinal);
    }
}
