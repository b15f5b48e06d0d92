using MetaMock.JobLogging.DemoWorker.Tests.Support;

namespace MetaMock.JobLogging.DemoWorker.Tests;

/// <summary>What a real host process prints on stderr as logging starts, and how it ends on a setting that cannot work.</summary>
public sealed class StartupLineTests
{
    [Fact]
    public async Task An_invalid_log_group_where_CloudWatch_is_used_ends_the_process_with_one_line_and_no_stack_trace()
    {
        var run = await DemoProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ENVIRONMENT"] = "production",
                ["USE_CLOUDWATCH"] = "true",
                ["CLOUDWATCH_LOG_GROUP"] = "bad group",
                ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://127.0.0.1:9/",
            },
            "--bulk-jobs", "1");

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Stderr}");
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("CLOUDWATCH_LOG_GROUP", line, StringComparison.Ordinal);
        Assert.Contains("\"bad group\"", line, StringComparison.Ordinal);
        Assert.Contains("1-512 characters of A-Z, a-z, 0-9", line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout.Trim());
    }

    [Fact]
    public async Task A_host_left_at_its_default_Production_environment_says_where_lines_go()
    {
        var run = await DemoProcess.RunAsync(
            new Dictionary<string, string> { ["CLOUDWATCH_LOG_GROUP"] = "bad group" },
            "--bulk-jobs", "1", "--images", "1", "--failure-rate", "0");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}");
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "MetaMock.JobLogging: warning: LogGroup (CLOUDWATCH_LOG_GROUP) is \"bad group\", which is not a valid log group name: 1-512 characters of A-Z, a-z, 0-9, '.', '-', '_', '/', '#', not starting with 'aws/'. Ignored while CloudWatch Logs is not used.",
                "MetaMock.JobLogging: environment production; log lines go to the console only.",
            ],
            lines);
    }
}
