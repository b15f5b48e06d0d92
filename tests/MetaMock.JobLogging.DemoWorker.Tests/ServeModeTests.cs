using MetaMock.JobLogging.DemoWorker.Tests.Support;

namespace MetaMock.JobLogging.DemoWorker.Tests;

public sealed class ServeModeTests
{
    [Fact]
    public async Task Serve_keeps_the_worker_running_until_ctrl_c_then_stops_cleanly_and_prints_the_summary()
    {
        const string Serving = "Workflows done; serving as a worker until Ctrl+C.";
        var run = await DemoProcess.RunAsync(
            null,
            (line, process) =>
            {
                if (line == Serving)
                {
                    DemoProcess.Interrupt(process);
                }
            },
            "--serve", "--bulk-jobs", "1", "--images", "2", "--failure-rate", "0");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var servingAt = lines.IndexOf(Serving);
        Assert.True(servingAt >= 0, run.Stdout);
        // The workflow finished before the worker started serving, and the summary came after the stop.
        Assert.Contains(run.Records, r => r.Task == "notify_user");
        Assert.True(lines.FindIndex(l => l.StartsWith("Summary: 1 workflows completed", StringComparison.Ordinal)) > servingAt, run.Stdout);
    }
}
