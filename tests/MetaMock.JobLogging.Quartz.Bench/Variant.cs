using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Bench;

/// <summary>One started scheduler configured as <see cref="Kind"/>, logging into a discarding provider.</summary>
internal sealed class Variant : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IScheduler _scheduler;
    private readonly DiscardingLoggerProvider _provider;

    private Variant(VariantKind kind, ServiceProvider services, IScheduler scheduler, DiscardingLoggerProvider provider)
    {
        Kind = kind;
        _services = services;
        _scheduler = scheduler;
        _provider = provider;
    }

    public VariantKind Kind { get; }

    public long Lines => Interlocked.Read(ref _provider.Formatted);

    public static async Task<Variant> StartAsync(VariantKind kind)
    {
        var provider = new DiscardingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(provider));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "bench-" + kind);
            q.UseInMemoryStore();
            if (kind == VariantKind.ListenerOnly)
            {
                q.AddJobListener(sp => new MetaMockJobListener(sp.GetRequiredService<ILoggerFactory>()));
            }
            else if (kind == VariantKind.ContextOnly)
            {
                MetaMockQuartzBuilderExtensions.AddContextHook(q, null);
            }
            else if (kind == VariantKind.With)
            {
                q.UseMetaMockJobContext();
            }
        });
        var built = services.BuildServiceProvider();
        var scheduler = await built.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return new Variant(kind, built, scheduler, provider);
    }

    /// <summary>Schedules <paramref name="count"/> firings at once and measures until the last one ran.</summary>
    public async Task<Rate> RunAsync(int count, string round)
    {
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(count);
        for (var i = 0; i < count; i++)
        {
            var job = JobBuilder.Create<TrivialJob>()
                .WithIdentity($"j{i}", round)
                .UsingJobData("job_id", $"wf-{i}")
                .UsingJobData("user_id", "42")
                .Build();
            jobs[job] = [TriggerBuilder.Create().ForJob(job).StartNow().Build()];
        }

        TrivialJob.Remaining = count;
        TrivialJob.AllDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await _scheduler.ScheduleJobs(jobs);
        await TrivialJob.AllDone.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var wall = clock.Elapsed;
        process.Refresh();
        return new Rate(count / wall.TotalSeconds, count / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        await _scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
    }
}
