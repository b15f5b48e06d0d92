using MetaMock.JobLogging;
using MetaMock.JobLogging.Quartz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddMetaMockLogging();
builder.Services.AddQuartz(q =>
{
    q.UseMetaMockJobContext();
    q.ScheduleJob<CleanupJob>(
        trigger => trigger.StartNow(),
        job => job.WithIdentity("cleanup").UsingJobData("job_id", "cleanup-42").UsingJobData("user_id", "123"));
});
builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

using var host = builder.Build();
await host.StartAsync();
await Task.Delay(TimeSpan.FromSeconds(3)); // a real worker runs until stopped: await host.WaitForShutdownAsync()
await host.StopAsync();

public class CleanupJob(ILogger<CleanupJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Removing expired files");
        return ValueTask.CompletedTask;
    }
}
