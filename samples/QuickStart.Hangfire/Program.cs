using Hangfire;
using MetaMock.JobLogging;
using MetaMock.JobLogging.Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddMetaMockLogging();
builder.Services.AddHangfire((services, config) => config
    .UseInMemoryStorage()
    .UseMetaMockJobContext(services));
builder.Services.AddHangfireServer();

using var host = builder.Build();
await host.StartAsync();

// Where a request is handled: who asked. The job, and any job it enqueues, carries this user.
using (MetaMockLogContext.BeginUserContext(123))
{
    host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ReportJob>(job => job.Run("report-42"));
}

await Task.Delay(TimeSpan.FromSeconds(5)); // a real worker runs until stopped: await host.WaitForShutdownAsync()
await host.StopAsync();

public class ReportJob(ILogger<ReportJob> logger)
{
    [MetaMockJobContext(TaskName = "build_report", JobIdArgument = "reportId")]
    public void Run(string reportId) => logger.LogInformation("Building report {ReportId}", reportId);
}
