using MetaMock.JobLogging.JobBench.Logging;
using MetaMock.JobLogging.JobBench.Measurement;
using MetaMock.JobLogging.Quartz;
using MetaMock.JobLogging.Quartz.Context;
using MetaMock.JobLogging.Quartz.Firing;
using MetaMock.JobLogging.Quartz.Tests.Support;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Extensibility;
using Quartz.Impl;

namespace MetaMock.JobLogging.JobBench.QuartzBench;

/// <summary>
/// What each part of <c>UseMetaMockJobContext()</c> costs per firing, single-threaded and called directly on one real
/// firing's objects (<c>--breakdown</c>): CPU microseconds of the whole process (so the sender's work on the lines is
/// charged too) and bytes allocated on every thread, each against the plain baseline the part replaces or adds to.
/// </summary>
/// <remarks>
/// The parts: Quartz's container job factory with the hook (<c>ConfigureJobScope</c> makes it open a DI scope per
/// firing, which it skips for a plain parameterless job) against the same factory without it; then, each inside a
/// firing's context entered and left around it, the attempt middleware, the listener with logging off, and the listener
/// writing its two lines through the CloudWatch path. The calling thread's CPU is the firing thread's share; the rest of
/// the process CPU is mostly the logging sender's. Bytes per firing do not move with the neighbours' load.
/// </remarks>
internal static class PartCost
{
    public static async Task RunAsync(int firings, int rounds)
    {
        var services = new ServiceCollection();
        var sink = BenchLogging.Add(services);
        services.AddQuartz(q => q.UseMetaMockJobContext());
        await using var built = services.BuildServiceProvider();
        var loggerFactory = built.GetRequiredService<ILoggerFactory>();
        var hook = built.GetRequiredService<FiringContextHook>();
        var bundle = Bundle();
        var context = new JobExecutionContextImpl(null!, bundle, new TrivialQuartzJob());

        var plainFactory = Factory(built, null);
        var emptyHookFactory = Factory(built, static (_, _, _) => { });
        var hookFactory = Factory(built, FiringContextHook.OnJobScope);
        var middleware = new AttemptContextMiddleware(hook);
        var listener = new MetaMockJobListener(loggerFactory);
        var silentListener = new MetaMockJobListener(NullLoggerFactory.Instance);
        JobExecutionDelegate next = static (_, _) => default;
        long written = 0;

        Part[] parts =
        [
            new("job factory, plain (baseline)", () => Completed(CreateAndReturnAsync(plainFactory, bundle)), null),
            new("job factory, empty ConfigureJobScope (forces a DI scope)", () => Completed(CreateAndReturnAsync(emptyHookFactory, bundle)), null),
            new("job factory + MetaMock hook", () => Completed(CreateAndReturnAsync(hookFactory, bundle)), null),
            new("context enter + exit (reference for the rows below)", () => Within(hook, bundle, static () => { }), null),
            new("  + attempt middleware", () => Within(hook, bundle, () => Completed(middleware.Invoke(context, next))), null),
            new("  + listener, logging off (its own work)", () => Within(hook, bundle, () =>
            {
                Completed(silentListener.JobToBeExecuted(context));
                Completed(silentListener.JobWasExecuted(context, null));
            }), null),
            new("  + listener's started + completed lines, to endpoint", () => Within(hook, bundle, () =>
            {
                Completed(listener.JobToBeExecuted(context));
                Completed(listener.JobWasExecuted(context, null));
                written += 2;
            }), () => Delivery.WaitAsync(sink, written)),
        ];

        var cpu = parts.ToDictionary(p => p, _ => new List<double>());
        var own = parts.ToDictionary(p => p, _ => new List<double>());
        var bytes = parts.ToDictionary(p => p, _ => new List<double>());
        var ownBytes = parts.ToDictionary(p => p, _ => new List<double>());
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var part in parts)
            {
                var (cpuMicros, threadMicros, allocated, threadAllocated) = await MeasureAsync(firings, part);
                if (round > 0)
                {
                    cpu[part].Add(cpuMicros);
                    own[part].Add(threadMicros);
                    bytes[part].Add(allocated);
                    ownBytes[part].Add(threadAllocated);
                }
            }
        }

        System.Console.WriteLine($"== Quartz integration, cost per firing by part, single-threaded (median of {rounds} x {firings:N0})");
        System.Console.WriteLine($"  {"part",-58} {"cpu-us",7} {"thread",7} {"bytes",7} {"thread",7}   (cpu-us and bytes: whole process; thread: the calling thread's share)");
        foreach (var part in parts)
        {
            System.Console.WriteLine(
                $"  {part.Name,-58} {Stats.Median(cpu[part]),7:F2} {Stats.Median(own[part]),7:F2} {Stats.Median(bytes[part]),7:F0} {Stats.Median(ownBytes[part]),7:F0}");
        }

        // The integration's whole cost per firing, split into the package's own work (all of it on the firing's thread, so
        // that thread's CPU, which other threads' noise does not reach) and the two lines it writes (whose cost is the
        // logging pipeline's: the log call on this thread, the sender's work on its own, so the process's CPU).
        double Thread(int index) => Stats.Median(own[parts[index]]);
        double Cpu(int index) => Stats.Median(cpu[parts[index]]);
        double Bytes(int index) => Stats.Median(bytes[parts[index]]);
        var ownCpu = (Thread(2) - Thread(0)) + (Thread(4) - Thread(3)) + (Thread(5) - Thread(3));
        var ownBytesTotal = (Bytes(2) - Bytes(0)) + (Bytes(4) - Bytes(3)) + (Bytes(5) - Bytes(3));
        var linesCpu = Cpu(6) - Cpu(5);
        var linesBytes = Bytes(6) - Bytes(5);
        System.Console.WriteLine(
            $"  per firing: package's own work {ownCpu:F2} cpu-us {ownBytesTotal:F0} B; its two lines {linesCpu:F2} cpu-us {linesBytes:F0} B " +
            $"({linesCpu / (ownCpu + linesCpu):P0} of the CPU, {linesBytes / (ownBytesTotal + linesBytes):P0} of the bytes)");
    }

    private static async Task<(double CpuMicros, double ThreadMicros, double Bytes, double ThreadBytes)> MeasureAsync(int firings, Part part)
    {
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var threadBytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var threadBefore = ThreadCpu.Microseconds();
        for (var i = 0; i < firings; i++)
        {
            part.Operation();
        }

        var thread = (ThreadCpu.Microseconds() - threadBefore) / firings;
        var threadBytes = (double)(GC.GetAllocatedBytesForCurrentThread() - threadBytesBefore) / firings;

        if (part.Settle is { } settle)
        {
            await settle();
        }

        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / firings;
        return (cpu, thread, (double)(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / firings, threadBytes);
    }

    private static MicrosoftDependencyInjectionJobFactory Factory(IServiceProvider services, Action<IServiceScope, TriggerFiredBundle, IScheduler>? configureScope) =>
        new(services, Options.Create(new JobFactoryOptions { ConfigureScope = configureScope }), services.GetRequiredService<ILoggerFactory>());

    // What the run shell does with the factory per firing: build the job, and return it when the firing ends. Inside an
    // async method, as in the run shell, so a context the hook sets ends with it.
    private static async ValueTask CreateAndReturnAsync(MicrosoftDependencyInjectionJobFactory factory, TriggerFiredBundle bundle)
    {
        var scope = await factory.CreateJob(bundle, null!);
        await factory.ReturnJob(scope);
    }

    // Every part completes synchronously for a trivial job; a loop of blocking waits would measure something else.
    private static void Completed(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("A part went asynchronous.");
        }
    }

    private static void Within(FiringContextHook hook, TriggerFiredBundle bundle, Action operation)
    {
        var (user, job) = FiringIdentity.FromBundle(bundle);
        using var entry = FiringContext.Enter(user, job, hook.ScopeLogger);
        operation();
    }

    private static TriggerFiredBundle Bundle()
    {
        var job = JobBuilder.Create<TrivialQuartzJob>()
            .WithIdentity("j7", "bench")
            .UsingJobData("job_id", "wf-7")
            .UsingJobData("user_id", "42")
            .Build();
        return FiredBundle.For(job, "638712345678901234");
    }

    private sealed record Part(string Name, Action Operation, Func<Task>? Settle);
}
