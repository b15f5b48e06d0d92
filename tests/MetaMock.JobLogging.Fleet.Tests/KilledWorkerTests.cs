using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using MetaMock.JobLogging.Fleet.Tests.Support;
using MetaMock.JobLogging.Fleet.Worker;
using MetaMock.JobLogging.Testing.Postgres;
using Xunit.Abstractions;

namespace MetaMock.JobLogging.Fleet.Tests;

/// <summary>A worker killed with SIGKILL in the middle of a workflow; a fresh process takes its place afterwards.</summary>
[Collection(FleetTestGroup.Name)]
public sealed class KilledWorkerTests(FleetFixture fixture, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task Another_worker_takes_over_the_killed_workers_job_and_the_workflow_completes_in_one_stream()
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
        var before = await StreamWait.UntilAsync(fleet, stream, ls => ls.Any(l => l.Message.StartsWith("stalling ", StringComparison.Ordinal)), "the stalling step");
        output.WriteLine($"stalling seen after {phase.Elapsed.TotalSeconds:0.0} s");
        var victim = before.Single(l => l.Message.StartsWith("stalling ", StringComparison.Ordinal)).Worker!;
        Assert.Contains(victim, new[] { "w2", "w3" });

        fleet.Worker(victim).Kill();
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

        output.WriteLine($"killed {victim}; the workflow completed {resumedAfter.TotalSeconds:0.0} s later (invisibility timeout {FleetSettings.InvisibilityTimeout.TotalSeconds} s)");

        var resumed = Assert.Single(lines, l => l.Message.StartsWith("resumed ", StringComparison.Ordinal));
        Assert.NotEqual(victim, resumed.Worker);
        Assert.Contains(resumed.Worker, new[] { "w2", "w3" });
        Assert.Equal("w1", Assert.Single(lines, l => l.Message.StartsWith("continuation ", StringComparison.Ordinal)).Worker);
        Assert.All(lines, l => Assert.Equal(id, l.JobId));
        Assert.All(lines, l => Assert.Equal("user-k", l.UserId));

        // The bound: the invisibility timeout, a poll, and slack for a loaded machine (measured above, typically ~6 s).
        Assert.True(resumedAfter < FleetSettings.InvisibilityTimeout + TimeSpan.FromSeconds(60), $"took {resumedAfter}");
    }
}
