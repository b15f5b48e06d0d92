using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using MetaMock.JobLogging;
using MetaMock.JobLogging.Fleet.Worker;
using MetaMock.JobLogging.Hangfire;
using MetaMock.JobLogging.Hangfire.PostgreSql;
using MetaMock.JobLogging.Quartz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

var arguments = WorkerArguments.Parse(args);
if (arguments.Install)
{
    // Once, before any worker: Hangfire.PostgreSql's installer races when several processes run it together.
    _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(arguments.Connection, FleetSettings.Hangfire(installSchema: true)), FleetSettings.Hangfire(installSchema: true));
    var services = new ServiceCollection().AddLogging();
    services.AddQuartz(quartz => FleetSettings.Quartz(quartz, arguments.Connection, provision: true));
    await using var provider = services.BuildServiceProvider();
    var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler().ConfigureAwait(false);
    await scheduler.Start().ConfigureAwait(false);
    await scheduler.Shutdown(waitForJobsToComplete: false).ConfigureAwait(false);
    Console.WriteLine("installed");
    return 0;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddMetaMockLogging(options =>
{
    options.Environment = MetaMockEnvironment.Production;
    options.UseCloudWatch = true;
    options.ServiceUrl = arguments.Endpoint;
    options.LogGroup = arguments.Group;
    options.ServiceName = arguments.Name;
    options.Format = LogFormat.Json;
    options.FlushInterval = TimeSpan.FromMilliseconds(100);
    options.SpoolDirectory = arguments.Spool;
});
builder.Services.AddSingleton(new WorkerIdentity(arguments.Name));
builder.Services.AddTransient<FleetJobs>();

// Retries at once (the default AutomaticRetry waits 15 s or more), and no second retry filter.
GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
builder.Services.AddHangfire((services, hangfire) => hangfire
    .UseMetaMockPostgreSqlStorage(arguments.Connection, FleetSettings.Hangfire(installSchema: false))
    .UseFilter(new AutomaticRetryAttribute { Attempts = 2, DelaysInSeconds = [0] })
    .UseMetaMockJobContext(services));
builder.Services.AddHangfireServer(server =>
{
    server.ServerName = arguments.Name;
    server.Queues = [.. arguments.Queues];
    server.WorkerCount = 2;
    server.SchedulePollingInterval = TimeSpan.FromMilliseconds(200);
    server.ShutdownTimeout = TimeSpan.FromSeconds(5);
});

builder.Services.AddQuartz(quartz =>
{
    FleetSettings.Quartz(quartz, arguments.Connection, provision: false);
    quartz.UseMetaMockJobContext();
});
builder.Services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);

using var host = builder.Build();
await host.StartAsync().ConfigureAwait(false);
Console.WriteLine($"ready {arguments.Name} {Environment.ProcessId}");

// The tests stop a worker by closing its standard input: a graceful stop that flushes the logs.
await Task.Run(() =>
{
    while (Console.In.ReadLine() is not null)
    {
    }
}).ConfigureAwait(false);
await host.StopAsync().ConfigureAwait(false);
return 0;
