using MetaMock.JobLogging.Fleet.Tests.Support;
using MetaMock.JobLogging.Fleet.Worker;
using MetaMock.JobLogging.Quartz;
using MetaMock.JobLogging.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MetaMock.JobLogging.Fleet.Tests;

/// <summary>Firings of one clustered Quartz scheduler (AdoJobStore on PostgreSQL) spread over three worker processes.</summary>
[Collection(FleetTestGroup.Name)]
public sealed class QuartzClusterTests(FleetFixture fixture)
{
    private const int Firings = 9;

    [PostgresFact]
    public async Task Firings_on_every_node_take_their_context_from_the_job_data_and_get_distinct_run_ids()
    {
        var fleet = fixture.Fleet;
        var marker = $"q-{Guid.NewGuid():N}"[..14];
        var workflow = $"wf-{marker}";

        // A scheduler that is never started only writes to the shared store; the cluster's nodes fire what it schedules.
        var services = new ServiceCollection().AddLogging();
        services.AddQuartz(quartz => FleetSettings.Quartz(quartz, fleet.Connection, provision: false));
        await using (var provider = services.BuildServiceProvider())
        {
            var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
            for (var i = 0; i < Firings; i++)
            {
                var job = JobBuilder.Create<FleetQuartzJob>()
                    .WithIdentity($"{marker}-{i}", "fleet")
                    .UsingJobData(FleetQuartzJob.MarkerKey, marker)
                    .UsingJobData(MetaMockJobDataKeys.JobId, workflow)
                    .UsingJobData(MetaMockJobDataKeys.UserId, "quartz-user")
                    .UsingJobData(MetaMockJobDataKeys.TaskName, "sweep")
                    .Build();
                await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartNow().Build());
            }
        }

        var lines = await StreamWait.UntilAsync(
            fleet, $"jobs/{workflow}", ls => ls.Where(l => l.Marker == marker).Select(l => l.Firing).Distinct().Count() >= Firings, $"{Firings} firings of {marker}");

        // A delivery repeated after a lost answer is the same log call (same origin): count calls, not deliveries.
        var firings = lines.Where(l => l.Marker == marker).DistinctBy(l => l.Origin).ToList();
        var shown = string.Join('\n', firings);
        // Every scheduled job fired. Quartz may fire one again when cluster recovery judges a slow node dead; that
        // firing is a new execution and must get its own run id like any other.
        Assert.Equal(Enumerable.Range(0, Firings).Select(i => $"{marker}-{i}").Order(), firings.Select(l => l.Firing!).Distinct().Order());
        Assert.All(lines, l => Assert.Equal(workflow, l.JobId));
        Assert.All(lines, l => Assert.Equal("quartz-user", l.UserId));
        Assert.All(firings, l => Assert.Equal("sweep", l.TaskName));
        Assert.True(firings.Select(l => l.TaskRunId).Distinct().Count() == firings.Count, "two firings share a run id:\n" + shown);
        Assert.True(firings.Select(l => l.Worker).Distinct().Count() >= 2, "all firings ran on one node: " + string.Join(", ", firings.Select(l => l.Worker)));
    }
}
