using MetaMock.JobLogging.Quartz.Firing;
using MetaMock.JobLogging.Quartz.Tests.Jobs;
using MetaMock.JobLogging.Quartz.Tests.Support;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace MetaMock.JobLogging.Quartz.Tests.Registration;

public sealed class RegistrationTests
{
    [Fact]
    public async Task A_scheduler_built_without_a_host_gets_the_same_coverage_from_one_call()
    {
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(capture));
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "nohost-" + Guid.NewGuid().ToString("N"));
            q.UseInMemoryStore();
            q.UseMetaMockJobContext(loggerFactory);
        }).BuildScheduler();
        var group = "nohost-" + Guid.NewGuid().ToString("N");
        try
        {
            await scheduler.Start();
            var job = JobBuilder.Create<ProbeJob>().WithIdentity("probe", group).UsingJobData("job_id", "wf-nohost").UsingJobData("user_id", "u-n").Build();
            await scheduler.ScheduleJob(job, QuartzHarness.Trigger(job));
            await Wait.UntilAsync(() => capture.Containing("completed in").Count == 1, "the probe job to complete");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        var records = ProbeJob.For(group);
        Assert.Equal(["execute", "child"], records.Select(r => r.Where));
        Assert.All(records, r =>
        {
            Assert.Equal("wf-nohost", r.Job?.JobId);
            Assert.Equal("u-n", r.User?.UserId);
        });
        Assert.Equal(2, capture.From<MetaMockJobListener>().Count);
        Assert.All(capture.From<MetaMockJobListener>(), l => Assert.Equal(records[0].Job, l.Job));
    }

    [Fact]
    public async Task Calling_UseMetaMockJobContext_twice_registers_it_once()
    {
        await using var quartz = await QuartzHarness.StartAsync(configure: q => q.UseMetaMockJobContext());

        await quartz.FireAsync<SyncLoggingJob>("twice", "reg", new Dictionary<string, object?> { ["marker"] = "t" });
        await quartz.WaitForAsync(c => c.Containing("completed in").Count >= 1, "the completed line");
        await quartz.Scheduler.Shutdown(waitForJobsToComplete: true);

        Assert.Single(quartz.Capture.Containing("started (run"));
        Assert.Single(quartz.Capture.Containing("completed in"));
    }

    [Fact]
    public async Task The_hooks_context_and_logger_scope_end_with_the_async_method_that_runs_the_firing()
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(capture));
        services.AddQuartz(q => q.UseMetaMockJobContext());
        await using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILogger<RegistrationTests>>();
        var job = JobBuilder.Create<SyncLoggingJob>().WithIdentity("restore", "reg").UsingJobData("job_id", "wf-r").Build();
        var bundle = FiredBundle.For(job, "4242");

        // What Quartz's run shell does per firing, in its async Run: a scope, the ConfigureJobScope callback, the job
        // (which may go asynchronous), and the scope's disposal when the job is returned.
        async Task RunShellAsync()
        {
            var scope = provider.CreateScope();
            FiringContextHook.OnJobScope(scope, bundle, null!);
            logger.LogInformation("in the firing");
            await Task.Yield();
            logger.LogInformation("in the firing, after an await");
            scope.Dispose();
        }

        using (MetaMockLogContext.BeginContext(new UserContext("outer-user"), null))
        {
            await RunShellAsync();
            logger.LogInformation("once the firing is over");
        }

        Assert.Equal(2, capture.Containing("in the firing").Count);
        Assert.All(capture.Containing("in the firing"), inside =>
        {
            Assert.Null(inside.User);
            Assert.Equal(new JobContext("wf-r", "restore", "4242"), inside.Job);
            Assert.Equal("wf-r", inside.Scope("job_id"));
        });

        var after = Assert.Single(capture.Containing("once the firing is over"));
        Assert.Equal("outer-user", after.User?.UserId);
        Assert.Null(after.Job);
        Assert.Empty(after.ScopeProperties);
    }

    [Fact]
    public async Task A_job_with_scoped_dependencies_gets_a_scope_of_its_own_per_firing_and_Quartz_disposes_it()
    {
        // ConfigureJobScope makes Quartz build every job in a DI scope; a job that takes scoped services must still work.
        await using var quartz = await QuartzHarness.StartAsync(configure: q => q.Services.AddScoped<ScopeDisposalProbe>());
        var before = ScopeDisposalProbe.Disposed;

        await quartz.FireAsync<ScopedProbeJob>("scoped", "reg-scope");
        await quartz.FireAsync<ScopedProbeJob>("scoped2", "reg-scope");

        await Wait.UntilAsync(() => ScopeDisposalProbe.Disposed - before >= 2, "both firings' scopes to be disposed");
        Assert.Equal(2, quartz.Capture.Containing("completed in").Count);
    }

    [Fact]
    public async Task With_a_custom_job_factory_Execute_and_the_listener_still_get_the_context()
    {
        // The documented fallback: a factory of the application's own skips ConfigureJobScope, so the middleware sets it.
        var group = "custom-" + Guid.NewGuid().ToString("N");
        await using var quartz = await QuartzHarness.StartAsync(configure: q => q.UseJobFactory(new ProbeJobFactory()));

        await quartz.FireAsync<ProbeJob>("probe", group, new Dictionary<string, object?> { ["job_id"] = "wf-custom", ["user_id"] = "u-c" });
        await quartz.WaitForAsync(c => c.Containing("completed in").Count == 1, "the completed line");

        var records = ProbeJob.For(group);
        Assert.Equal(["execute", "child"], records.Select(r => r.Where));
        Assert.All(records, r => Assert.Equal(new JobContext("wf-custom", "probe", r.Job!.TaskRunId), r.Job));
        Assert.All(records, r => Assert.Equal("u-c", r.User?.UserId));
        Assert.All(quartz.Capture.From<MetaMockJobListener>(), l => Assert.Equal("wf-custom", l.JobId));
    }

    private sealed class ProbeJobFactory : IJobFactory
    {
        public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken = default) =>
            new(new JobScope(new ProbeJob()));

        public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken = default) => default;
    }
}
