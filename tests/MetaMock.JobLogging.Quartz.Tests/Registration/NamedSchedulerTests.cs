using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Registration;

public sealed class NamedSchedulerTests
{
    [Fact]
    public async Task Two_named_schedulers_in_one_container_each_set_their_own_firings_context()
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(capture));
        var names = new[] { "alpha-" + Guid.NewGuid().ToString("N"), "beta-" + Guid.NewGuid().ToString("N") };
        foreach (var name in names)
        {
            services.AddQuartz(name, q =>
            {
                q.UseInMemoryStore();
                q.UseMetaMockJobContext();
            });
        }

        await using var provider = services.BuildServiceProvider();
        var schedulers = new List<IScheduler>();
        try
        {
            foreach (var name in names)
            {
                var scheduler = await provider.GetRequiredKeyedService<ISchedulerFactory>(name).GetScheduler();
                schedulers.Add(scheduler);
                await scheduler.Start();
                var job = JobBuilder.Create<SyncLoggingJob>().WithIdentity("job", name).UsingJobData("job_id", "wf-" + name).UsingJobData("marker", name).Build();
                await scheduler.ScheduleJob(job, QuartzHarness.Trigger(job));
            }

            await Wait.UntilAsync(() => capture.Containing("completed in").Count == 2, "both schedulers' jobs to complete");
        }
        finally
        {
            foreach (var scheduler in schedulers)
            {
                await scheduler.Shutdown(waitForJobsToComplete: true);
            }
        }

        foreach (var name in names)
        {
            // Two lines from the job (marker = name) and two from the listener (job key group = name).
            var lines = capture.From<SyncLoggingJob>().Concat(capture.From<MetaMockJobListener>())
                .Where(l => l.Message.Contains(name, StringComparison.Ordinal))
                .ToList();
            Assert.Equal(4, lines.Count);
            Assert.All(lines, l => Assert.Equal("wf-" + name, l.JobId));
        }
    }
}
