using MetaMock.JobLogging.Benchmarks.Delivery;
using MetaMock.JobLogging.Benchmarks.LogCall;
using MetaMock.JobLogging.JobBench.Logging;
using MetaMock.JobLogging.JobBench.Measurement;
using MetaMock.JobLogging.Quartz;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MetaMock.JobLogging.JobBench.QuartzBench;

/// <summary>One started in-memory Quartz scheduler (default pool of 10 threads) configured as <see cref="Kind"/>.</summary>
internal sealed class QuartzVariant : IBenchVariant
{
    private readonly ServiceProvider _services;
    private readonly IScheduler _scheduler;
    private readonly DiscardingClient _sink;
    private readonly List<double> _bytesPerFiring = [];
    private long _linesWritten;

    private QuartzVariant(QuartzVariantKind kind, ServiceProvider services, IScheduler scheduler, DiscardingClient sink)
    {
        Kind = kind;
        _services = services;
        _scheduler = scheduler;
        _sink = sink;
    }

    public QuartzVariantKind Kind { get; }

    // Shared by every scheduler of the run; never disposed, like the process's own logging.
    private static ILoggerFactory FormatOnlyLogging { get; } = LoggerFactory.Create(logging => logging
        .SetMinimumLevel(LogLevel.Information)
        .AddProvider(new FormatAndDiscardProvider()));

    private static ILoggerFactory ZLoggerLogging { get; } = LoggerFactory.Create(logging => logging
        .SetMinimumLevel(LogLevel.Information)
        .AddZLoggerPeer());

    public string Name => "quartz-" + Kind.ToString().ToLowerInvariant();

    public long LinesDelivered => _sink.Events;

    // The listener writes started + completed for every firing; the other parts write nothing on success.
    private int LinesPerFiring => Kind is QuartzVariantKind.With or QuartzVariantKind.ListenerOnly ? 2 : 0;

    public static async Task<QuartzVariant> StartAsync(QuartzVariantKind kind)
    {
        var services = new ServiceCollection();
        var sink = BenchLogging.Add(services);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "bench-" + kind);
            q.UseInMemoryStore();
            switch (kind)
            {
                case QuartzVariantKind.ListenerOnly:
                    q.AddJobListener(sp => new MetaMockJobListener(sp.GetRequiredService<ILoggerFactory>()));
                    break;
                case QuartzVariantKind.ContextOnly:
                    MetaMockQuartzBuilderExtensions.AddContextHook(q, null);
                    break;
                case QuartzVariantKind.WithFormatOnly:
                    q.UseMetaMockJobContext(FormatOnlyLogging);
                    break;
                case QuartzVariantKind.WithZLogger:
                    q.UseMetaMockJobContext(ZLoggerLogging);
                    break;
                case QuartzVariantKind.With:
                    q.UseMetaMockJobContext();
                    break;
            }
        });
        var built = services.BuildServiceProvider();
        var scheduler = await built.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        return new QuartzVariant(kind, built, scheduler, sink);
    }

    /// <summary>Schedules <paramref name="count"/> firings at once and measures until the last one ran.</summary>
    public async Task<Rate> RunAsync(int count, string round)
    {
        // Built before the clock starts: the figure is the scheduler's, not JobBuilder's.
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(count);
        for (var i = 0; i < count; i++)
        {
            var job = JobBuilder.Create<TrivialQuartzJob>()
                .WithIdentity($"j{i}", round)
                .UsingJobData("job_id", $"wf-{i % 100}")
                .UsingJobData("user_id", "42")
                .Build();
            jobs[job] = [TriggerBuilder.Create().ForJob(job).StartNow().Build()];
        }

        TrivialQuartzJob.Remaining = count;
        TrivialQuartzJob.AllDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _linesWritten += (long)count * LinesPerFiring;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = new RoundClock();
        await _scheduler.ScheduleJobs(jobs);
        await TrivialQuartzJob.AllDone.Task.WaitAsync(TimeSpan.FromMinutes(2));
        clock.StopWall();
        await Delivery.WaitAsync(_sink, _linesWritten);
        var rate = clock.Finish(count);
        _bytesPerFiring.Add((double)(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / count);
        return rate;
    }

    /// <summary>
    /// Bytes allocated per firing on every thread (scheduler, pool, the sender's work on the lines), median of the rounds:
    /// the figure the neighbours' load does not move, each variant against the first (the baseline).
    /// </summary>
    public static void PrintAllocations(IReadOnlyList<IBenchVariant> variants)
    {
        var quartz = variants.OfType<QuartzVariant>().ToList();
        var baseline = Stats.Median(quartz[0]._bytesPerFiring);
        System.Console.WriteLine("  allocated bytes per firing (all threads, median of all rounds incl. warm-up):");
        foreach (var variant in quartz)
        {
            var bytes = Stats.Median(variant._bytesPerFiring);
            System.Console.WriteLine($"  {variant.Name,-20} {bytes,8:F0} B  (+{bytes - baseline:F0} B over {quartz[0].Name})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
    }
}
