using MetaMock.JobLogging;
using System.Diagnostics;
using Hangfire;
using MetaMock.DemoWorker.Scheduling;
using MetaMock.DemoWorker.Storage;
using MetaMock.DemoWorker.Summary;
using MetaMock.DemoWorker.Workflow;
using MetaMock.JobLogging.Hangfire;
using MetaMock.JobLogging.Quartz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.DemoWorker;

/// <summary>
/// Builds the worker host (MetaMock logging, Hangfire on in-memory or PostgreSQL storage, Quartz with the in-memory store), plays
/// the API request that starts the workflows, waits for them, and prints the summary.
/// </summary>
internal static class DemoRun
{
    /// <summary>Printed once the workflows are done and <c>--serve</c> keeps the worker running.</summary>
    public const string ServingMessage = "Workflows done; serving as a worker until Ctrl+C.";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CompletionPoll = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(DemoOptions options, CancellationToken cancellation)
    {
        var counter = new StreamLineCounter();
        using var host = BuildHost(options, counter);
        var clock = Stopwatch.StartNew();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        var dashboard = await DemoDashboard.StartAsync(options.Dashboard, host.Services, cancellation).ConfigureAwait(false);
        await using var stopDashboard = dashboard.ConfigureAwait(false);

        var tracker = host.Services.GetRequiredService<WorkflowTracker>();
        // Ctrl+C or SIGTERM stops the host (its console lifetime); that also ends the wait for the workflows.
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping);
        SimulatedApiRequest.Run(host.Services, options);
        // The workflows' last steps may run in another process on the same storage, so their completion is read from it.
        var store = host.Services.GetRequiredService<WorkflowStore>();
        var completed = await WaitAsync(store.WhenAllCompletedAsync(tracker.WorkflowIds, CompletionPoll, stop.Token), stop.Token).ConfigureAwait(false);
        var duration = clock.Elapsed;

        if (options.Serve && completed)
        {
            await Console.Out.WriteLineAsync(ServingMessage).ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
        }
        else
        {
            var notifications = host.Services.GetRequiredService<NotificationScheduler>();
            await WaitAsync(notifications.WhenScheduledFiredAsync(CompletionPoll, stop.Token), stop.Token).ConfigureAwait(false);
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        host.Dispose(); // flushes the console (and CloudWatch) before the summary is printed
        await Console.Out.WriteAsync(RunSummary.Render(tracker, counter, duration)).ConfigureAwait(false);
        if (!completed)
        {
            await Console.Error.WriteLineAsync($"Not every workflow completed within {RunTimeout.TotalMinutes} minutes.").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    private static IHost BuildHost(DemoOptions options, StreamLineCounter counter)
    {
        // Content root = the program folder, so appsettings.json is found whatever directory it is started from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddMetaMockLogging();
        builder.Logging.AddProvider(counter);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkflowTracker>();
        builder.Services.AddSingleton<WorkflowStore>();
        builder.Services.AddSingleton<SimulatedFailures>();
        builder.Services.AddSingleton<NotificationScheduler>();
        builder.Services.AddTransient<BulkGenerationJobs>();

        builder.Services.AddHangfire((services, hangfire) => DemoStorage.Use(hangfire, options)
            .UseMetaMockJobContext(services)
            .UseMetaMockJobLogsWhen(options.Dashboard is not null, services));
        builder.Services.AddHangfireServer(server =>
        {
            server.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
            // Retries are scheduled one second out; poll often so the demo doesn't wait Hangfire's default 15 s.
            server.SchedulePollingInterval = TimeSpan.FromMilliseconds(200);
        });

        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseMetaMockJobContext();
            quartz.UseInMemoryStore();
            quartz.AddJob<CleanupExpiredJobsJob>(job => job.WithIdentity(CleanupExpiredJobsJob.Key).UsingJobData("task_name", CleanupExpiredJobsJob.TaskName));
            quartz.AddTrigger(trigger => trigger
                .ForJob(CleanupExpiredJobsJob.Key)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(2)).RepeatForever()));
        });
        builder.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return builder.Build();
    }

    private static async Task<bool> WaitAsync(Task work, CancellationToken cancellation)
    {
        try
        {
            await work.WaitAsync(RunTimeout, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
