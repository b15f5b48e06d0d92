using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using MetaMock.JobLogging.Fleet.Tests.Support;
using MetaMock.JobLogging.Fleet.Worker;
using MetaMock.JobLogging.Testing.Postgres;
using Xunit.Abstractions;

namespace MetaMock.JobLogging.Fleet.Tests;

/// <summary>
/// A worker killed with SIGKILL in the middle of a workflow, right after a log call returned; a fresh process takes its
/// place afterwards, adopts its spool and sends the killed worker's last line.
/// </summary>
[Collection(FleetTestGroup.Name)]
public sealed class KilledWorkerTests(FleetFixture fixture, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task Another_worker_takes_over_the_killed_workers_job_the_workflow_completes_in_one_stream_and_the_killed_workers_last_line_arrives()
    {
        var fleet = fixture.Fleet;
        var phase = Stopwatch.StartNew();
        var marker = $"kill-{Guid.NewGuid():N}"[..16];
        string id;
        using (MetaMockLogContext.BeginUserContext("user-k"))
        {
            id = fleet.Client.Create<FleetJobs>(j => j.StallingWorkflow(marker), new EnqueuedState("w1"));
        }

        var stream = $"jobs/{id}";
        // The stalling step says so on stdout once its log call has returned, and is killed at once: its line is then
        // in the worker's spool, usually not yet sent (the worker flushes every 100 ms).
        var victim = await StalledWorkerAsync(fleet, marker);
        fleet.Worker(victim).Kill();
        output.WriteLine($"killed {victim} {phase.Elapsed.TotalSeconds:0.0} s after enqueueing");
        var sentBeforeKill = (await fleet.Logs.MessagesAsync(fleet.Group, stream)).Any(m => m.Contains("stalling ", StringComparison.Ordinal));
        output.WriteLine($"its last line was {(sentBeforeKill ? "already sent" : "not yet sent")} when it was killed");
        var clock = Stopwatch.StartNew();
        IReadOnlyList<StreamLine> lines;
        TimeSpan resumedAfter;
        try
        {
            // Each worker process delivers on its own flush: the continuation's line (w1) can reach the stream before
            // the line of the worker that resumed the killed step, so wait for both.
            lines = await StreamWait.UntilAsync(
                fleet,
                stream,
                ls => ls.Any(l => l.Message.StartsWith("continuation ", StringComparison.Ordinal)) && ls.Any(l => l.Message.StartsWith("resumed ", StringComparison.Ordinal)),
                "the resumed step and the continuation after the kill");
            resumedAfter = clock.Elapsed;
        }
        finally
        {
            // The other tests share this fleet: put a worker back in the killed one's place whatever happened here.
            await fleet.RestartAsync(victim);
        }

        output.WriteLine($"the workflow completed {resumedAfter.TotalSeconds:0.0} s after the kill (invisibility timeout {FleetSettings.InvisibilityTimeout.TotalSeconds} s)");

        // The killed worker's last line: sent before the kill, or by its successor from the spool it adopted.
        lines = await StreamWait.UntilAsync(
            fleet, stream, ls => ls.Any(l => l.Message.StartsWith("stalling ", StringComparison.Ordinal)), "the killed worker's last line");
        // At least once: a line sent just before the kill, but not yet marked delivered in the spool, is sent again.
        var last = lines.Where(l => l.Message.StartsWith("stalling ", StringComparison.Ordinal)).ToList();
        Assert.All(last, l => Assert.Equal(victim, l.Worker));
        // Copies of one log call: the same line, with the killed process's host, pid and seq even when its successor sent it.
        Assert.Single(last.Select(l => (l.Message, l.TaskRunId, l.Origin)).Distinct());

        var resumed = Assert.Single(lines, l => l.Message.StartsWith("resumed ", StringComparison.Ordinal));
        Assert.NotEqual(victim, resumed.Worker);
        Assert.Contains(resumed.Worker, new[] { "w2", "w3" });
        Assert.Equal("w1", Assert.Single(lines, l => l.Message.StartsWith("continuation ", StringComparison.Ordinal)).Worker);
        Assert.All(lines, l => Assert.Equal(id, l.JobId));
        Assert.All(lines, l => Assert.Equal("user-k", l.UserId));

        // The bound: the invisibility timeout, a poll, and slack for a loaded machine (measured above, typically ~6 s).
        Assert.True(resumedAfter < FleetSettings.InvisibilityTimeout + TimeSpan.FromSeconds(60), $"took {resumedAfter}");
    }

    // Which of w2 and w3 took the stalling step (both read the default queue), from what it printed.
    private static async Task<string> StalledWorkerAsync(WorkerFleet fleet, string marker)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StreamWait.Timeout)
        {
            foreach (var name in new[] { "w2", "w3" })
            {
                if (fleet.Worker(name).Output.Contains($"stalling {marker}", StringComparison.Ordinal))
                {
                    return name;
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail($"no worker stalled on {marker}:\n{fleet.Output}");
        return string.Empty;
    }
}
