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

    [Fact]
    public async Task An_unreachable_endpoint_is_printed_without_the_user_name_and_password_its_URL_carries()
    {
        var port = MotoServer.FreePort();
        var cli = new CliRun(new Uri($"http://proxyuser:s3cr3t@127.0.0.1:{port}/"), _group);

        var code = await cli.RunAsync("tail", "wf-1");

        Assert.Equal(5, code);
        Assert.Equal($"metamock-logs: cannot reach CloudWatch Logs at http://127.0.0.1:{port}.", cli.Error.ToString().Trim());
    }

    [Fact]
    public async Task An_endpoint_URL_that_does_not_parse_is_echoed_without_its_user_name_and_password()
    {
        var cli = new CliRun(fixture.Endpoint, _group).With("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://proxyuser:s3cr3t@bad host:1/logs");

        await cli.RunAsync("tail", "no-such-job");

        var warning = cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.StartsWith("MetaMock.JobLogging: environment variable AWS_ENDPOINT_URL_CLOUDWATCH_LOGS has the invalid value \"http://bad host:1/logs\"", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", cli.Error.ToString(), StringComparison.Ordinal);
    }
}
