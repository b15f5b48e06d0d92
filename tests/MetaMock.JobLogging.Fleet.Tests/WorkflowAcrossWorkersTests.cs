using Hangfire;
using Hangfire.States;
using MetaMock.JobLogging.Fleet.Tests.Support;
using MetaMock.JobLogging.Fleet.Worker;
using MetaMock.JobLogging.Testing.Postgres;

namespace MetaMock.JobLogging.Fleet.Tests;

/// <summary>Hangfire workflows whose steps run on three worker processes sharing one PostgreSQL storage.</summary>
[Collection(FleetTestGroup.Name)]
public sealed class WorkflowAcrossWorkersTests(FleetFixture fixture)
{
    private const int StepLines = 6;

    [PostgresFact]
    public async Task Each_workflows_stream_holds_every_step_from_every_worker_with_its_context_and_nothing_else()
    {
        var fleet = fixture.Fleet;
        var workflows = new List<(string Id, string Marker, string User)>();
        for (var i = 1; i <= 3; i++)
        {
            var marker = $"wf{i}-{Guid.NewGuid():N}"[..16];
            var user = $"user-{i}";
            using (MetaMockLogContext.BeginUserContext(user))
            {
                workflows.Add((fleet.Client.Create<FleetJobs>(j => j.Parent(marker), new EnqueuedState("w1")), marker, user));
            }
        }

        foreach (var (id, marker, user) in workflows)
        {
            // Each worker process delivers on its own flush, so the failed attempt's ERROR line is waited for too.
            var lines = await StreamWait.UntilAsync(
                fleet,
                $"jobs/{id}",
                ls => ls.Where(l => l.Marker == marker).DistinctBy(l => l.Origin).Count() >= StepLines && ls.Any(l => l.Level == "ERROR"),
                $"the {StepLines} steps of {marker} and the failed attempt's ERROR line");

            // Every line, the package's own failure and retry lines included, carries this workflow's context; no other's.
            Assert.All(lines, l => Assert.Equal(id, l.JobId));
            Assert.All(lines, l => Assert.Equal(user, l.UserId));
            Assert.All(lines, l => Assert.True(l.Marker is null || l.Marker == marker, $"foreign line: {l}"));

            // A delivery repeated after a lost answer is the same log call (same origin): count calls, not deliveries.
            var steps = lines.Where(l => l.Marker == marker).DistinctBy(l => l.Origin).ToList();
            Assert.Equal(StepLines, steps.Count);
            Assert.Equal(StepLines, steps.Select(l => l.TaskRunId).Distinct().Count());
            Assert.Equal("w1", Step(steps, "parent").Worker);
            Assert.Equal("w2", Step(steps, "child 1").Worker);
            Assert.Equal("w3", Step(steps, "child 2").Worker);
            Assert.Equal("w3", Step(steps, "continuation").Worker);

            var first = Step(steps, "attempt 1");
            var retry = Step(steps, "attempt 2");
            Assert.Equal("w1", first.Worker);
            Assert.Contains(retry.Worker, new[] { "w2", "w3" });
            Assert.Equal($"{first.TaskRunId}-r1", retry.TaskRunId);
            Assert.Contains(lines, l => l.Level == "ERROR" && l.TaskRunId == first.TaskRunId);
        }
    }

    private static StreamLine Step(IEnumerable<StreamLine> steps, string prefix) =>
        Assert.Single(steps, l => l.Message.StartsWith(prefix + " ", StringComparison.Ordinal));
}
