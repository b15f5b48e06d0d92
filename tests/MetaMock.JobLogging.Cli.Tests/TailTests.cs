using System.Text.Json;
using MetaMock.JobLogging.Cli.Tests.Support;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Cli.Tests;

[Collection(UsesMoto.Name)]
public sealed class TailTests(MotoFixture fixture)
{
    private readonly string _group = "cli-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Tail_prints_the_jobs_lines_oldest_first_with_their_time()
    {
        await MotoJobLines.WriteAsync(fixture.Server, _group, "wf-1", "bulk", "7", (LogLevel.Information, "first"), (LogLevel.Warning, "second"), (LogLevel.Error, "third"));
        var cli = new CliRun(fixture.Endpoint, _group);

        var code = await cli.RunAsync("tail", "wf-1");

        Assert.Equal(0, code);
        Assert.Equal(3, cli.Lines.Length);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[INFO\] \[job_id=wf-1 task=bulk run_id=7\] first$", cli.Lines[0]);
        Assert.EndsWith("second", cli.Lines[1], StringComparison.Ordinal);
        Assert.EndsWith("third", cli.Lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', cli.Out.ToString());
    }

    [Fact]
    public async Task Run_filter_keeps_only_that_runs_lines()
    {
        await MotoJobLines.WriteAsync(fixture.Server, _group, "wf-2", "image", "10", (LogLevel.Information, "attempt one"));
        await MotoJobLines.WriteAsync(fixture.Server, _group, "wf-2", "image", "10-r1", (LogLevel.Information, "attempt two"));
        var cli = new CliRun(fixture.Endpoint, _group);

        var code = await cli.RunAsync("tail", "wf-2", "--run", "10-r1");

        Assert.Equal(0, code);
        Assert.EndsWith("attempt two", Assert.Single(cli.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_gives_one_object_per_line_with_level_task_and_run()
    {
        await MotoJobLines.WriteAsync(fixture.Server, _group, "wf-3", "notify", "5", (LogLevel.Warning, "quote \" and <b>"));
        var cli = new CliRun(fixture.Endpoint, _group);

        var code = await cli.RunAsync("tail", "wf-3", "--json");

        Assert.Equal(0, code);
        using var line = JsonDocument.Parse(Assert.Single(cli.Lines));
        Assert.Equal("WARNING", line.RootElement.GetProperty("level").GetString());
        Assert.Equal("notify", line.RootElement.GetProperty("task").GetString());
        Assert.Equal("5", line.RootElement.GetProperty("runId").GetString());
        Assert.EndsWith("quote \" and <b>", line.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_stream_is_reported_in_one_line_with_exit_code_3()
    {
        await MotoJobLines.WriteAsync(fixture.Server, _group, "exists", "t", "1", (LogLevel.Information, "x"));
        var cli = new CliRun(fixture.Endpoint, _group);

        var code = await cli.RunAsync("tail", "no-such-job");

        Assert.Equal(3, code);
        Assert.Empty(cli.Out.ToString());
        Assert.Equal($"metamock-logs: no stream jobs/no-such-job in log group {_group} (the job has logged nothing there yet, or the job id or --group is wrong).", cli.Error.ToString().Trim());
    }

    [Fact]
    public async Task Follow_prints_a_line_added_after_it_started_and_waits_for_a_missing_stream_then_exits_0_when_cancelled()
    {
        var cli = new CliRun(fixture.Endpoint, _group);
        using var stop = new CancellationTokenSource();
        var following = cli.RunAsync(stop.Token, "tail", "late-job", "--follow");

        await Eventually.TrueAsync(() => cli.Error.ToString().Contains("waiting for stream jobs/late-job", StringComparison.Ordinal), "the wait notice");
        await MotoJobLines.WriteAsync(fixture.Server, _group, "late-job", "t", "1", (LogLevel.Information, "arrived later"));
        await Eventually.TrueAsync(() => cli.Out.ToString().Contains("arrived later", StringComparison.Ordinal), "the first line");
        await MotoJobLines.WriteAsync(fixture.Server, _group, "late-job", "t", "1", (LogLevel.Information, "and another"));
        await Eventually.TrueAsync(() => cli.Out.ToString().Contains("and another", StringComparison.Ordinal), "the second line");
        stop.Cancel();

        Assert.Equal(0, await following.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, cli.Lines.Length);
    }

    [Fact]
    public async Task Refused_credentials_print_one_line_without_the_key_and_exit_4()
    {
        using var proxy = new FaultProxy(fixture.Endpoint) { RefuseCredentialsWith = "UnrecognizedClientException" };
        proxy.Start();
        var cli = new CliRun(proxy.Endpoint, _group);

        var code = await cli.RunAsync("tail", "wf-1");

        Assert.Equal(4, code);
        var error = Assert.Single(cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"metamock-logs: http://127.0.0.1:{proxy.Port} refused the credentials (UnrecognizedClientException)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(MotoServer.SecretAccessKey, error, StringComparison.Ordinal);
        Assert.DoesNotContain("security token", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_answers_with_something_else_than_CloudWatch_json_is_one_line_and_exit_1()
    {
        using var proxy = new FaultProxy(fixture.Endpoint) { AnswerEveryCallWith = "<html><body>Sign in to the network</body></html>" };
        proxy.Start();
        var cli = new CliRun(proxy.Endpoint, _group);

        var code = await cli.RunAsync("tail", "wf-1");

        Assert.Equal(1, code);
        var error = Assert.Single(cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"metamock-logs: http://127.0.0.1:{proxy.Port} did not answer as CloudWatch Logs does (its answer is not CloudWatch Logs' JSON); check the endpoint.", error);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_line_and_exit_5()
    {
        var cli = new CliRun(new Uri($"http://127.0.0.1:{MotoServer.FreePort()}/"), _group);

        var code = await cli.RunAsync("tail", "wf-1");

        Assert.Equal(5, code);
        Assert.Matches(@"^metamock-logs: cannot reach CloudWatch Logs at http://127\.0\.0\.1:\d+\.$", cli.Error.ToString().Trim());
    }

    [Fact]
    public async Task Jobs_lists_the_most_recently_written_job_streams_first()
    {
        await MotoJobLines.WriteAsync(fixture.Server, _group, "older", "t", "1", (LogLevel.Information, "x"));
        await Task.Delay(20);
        await MotoJobLines.WriteAsync(fixture.Server, _group, "newer", "t", "1", (LogLevel.Information, "y"));
        var cli = new CliRun(fixture.Endpoint, _group);

        var code = await cli.RunAsync("jobs", "--limit", "5");

        Assert.Equal(0, code);
        Assert.Equal(["newer", "older"], cli.Lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]));
    }
}
