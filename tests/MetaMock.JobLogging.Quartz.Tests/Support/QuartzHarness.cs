using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Support;

/// <summary>
/// A real Quartz scheduler (in-memory store, container job factory) built the way an application does with
/// <c>services.AddQuartz(q =&gt; q.UseMetaMockJobContext())</c>, logging into a capturing provider.
/// </summary>
internal sealed class QuartzHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private QuartzHarness(ServiceProvider services, IScheduler scheduler, CapturingLoggerProvider capture)
    {
        _services = services;
        Scheduler = scheduler;
        Capture = capture;
    }

    public IScheduler Scheduler { get; }

    public CapturingLoggerProvider Capture { get; }

    /// <summary>Builds and starts a scheduler in the caller's execution context (so the caller's context is inherited).</summary>
    public static async Task<QuartzHarness> StartAsync(int threads = 1, bool useMetaMock = true, Action<IQuartzBuilder>? configure = null)
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(capture).SetMinimumLevel(LogLevel.Information));
        services.AddQuartz(q =>
        {
            // A unique name per test: schedulers of parallel tests must not meet in any process-wide registry.
            q.ConfigureScheduler(o => o.InstanceName = "test-" + Guid.NewGuid().ToString("N"));
            q.UseInMemoryStore();
            q.UseDefaultThreadPool(threads);
            if (useMetaMock)
            {
                q.UseMetaMockJobContext();
            }

            configure?.Invoke(q);
        });
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return new QuartzHarness(provider, scheduler, capture);
    }

    /// <summary>Schedules one firing of <typeparamref name="TJob"/> now, with the given job data.</summary>
    public async Task<IJobDetail> FireAsync<TJob>(string name, string group, IReadOnlyDictionary<string, object?>? data = null, Action<TriggerBuilder<IJob>>? trigger = null)
        where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(name, group).UsingJobData(new JobDataMap((IDictionary<string, object?>)(data ?? new Dictionary<string, object?>()).ToDictionary())).Build();
        await Scheduler.ScheduleJob(job, Trigger(job, trigger));
        return job;
    }

    /// <summary>A trigger that fires <paramref name="job"/> now, once, with optional extra configuration.</summary>
    public static ITrigger Trigger(IJobDetail job, Action<TriggerBuilder<IJob>>? configure = null)
    {
        var builder = TriggerBuilder.Create().ForJob(job).StartNow();
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Waits until the condition holds, failing the test with <paramref name="what"/> after the timeout.</summary>
    public Task WaitForAsync(Func<CapturingLoggerProvider, bool> condition, string what, int timeoutSeconds = 20) =>
        Wait.UntilAsync(() => condition(Capture), what, timeoutSeconds, () => string.Join('\n', Capture.Lines.Select(l => $"[{l.Level}] {l.Category}: {l.Message} job={l.JobId} run={l.Job?.TaskRunId}")));

    public async ValueTask DisposeAsync()
    {
        await Scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
    }
}
