using System.Net;
using MetaMock.JobLogging.DemoWorker.Tests.Support;
using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.DemoWorker.Tests;

public sealed class DashboardModeTests
{
    [Fact]
    public async Task Serve_with_a_dashboard_shows_a_jobs_lines_from_this_process_when_CloudWatch_is_off()
    {
        const string Serving = "Workflows done; serving as a worker until Ctrl+C.";
        var address = new Uri($"http://127.0.0.1:{MotoServer.FreePort()}/");
        string? page = null, lines = null;
        var status = HttpStatusCode.Unused;
        var run = await DemoProcess.RunAsync(
            null,
            (line, process) =>
            {
                if (line != Serving)
                {
                    return;
                }

                try
                {
                    using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
                    page = http.GetStringAsync("hangfire/jobs/details/1").GetAwaiter().GetResult();
                    using var response = http.GetAsync("hangfire/metamock/job-logs?job=1").GetAwaiter().GetResult();
                    status = response.StatusCode;
                    lines = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                }
                finally
                {
                    DemoProcess.Interrupt(process);
                }
            },
            "--serve", "--dashboard", address.GetLeftPart(UriPartial.Authority), "--bulk-jobs", "1", "--images", "2", "--failure-rate", "0");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        Assert.Contains("class=\"mm-logs\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"source\":\"process\"", lines, StringComparison.Ordinal);
        Assert.Contains("Starting bulk generation", lines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dashboard_address_off_the_loopback_is_refused()
    {
        var run = await DemoProcess.RunAsync(null, "--dashboard", "http://0.0.0.0:5080");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--dashboard must be an http URL on 127.0.0.1", run.Stderr, StringComparison.Ordinal);
    }
}
