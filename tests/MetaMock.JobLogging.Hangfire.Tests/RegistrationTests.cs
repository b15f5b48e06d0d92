using Hangfire;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Tests.Jobs;
using MetaMock.JobLogging.Hangfire.Tests.Support;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests;

/// <summary>UseMetaMockJobContext through DI and through plain GlobalConfiguration, and where lines go without a factory.</summary>
[Collection(HangfireStaticsGroup.Name)]
public sealed class RegistrationTests
{
    [Fact]
    public async Task Through_AddHangfire_the_filter_logs_to_the_applications_own_logger_factory()
    {
        using var statics = new HangfireStatics();
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(capture))
            .AddHangfire((provider, config) => config.UseMetaMockJobContext(provider));
        using var container = services.BuildServiceProvider();

        container.GetRequiredService<IGlobalConfiguration>();
        var filter = Assert.IsType<MetaMockJobContextFilter>(Assert.Single(statics.AddedFilters));
        Assert.Same(container.GetRequiredService<ILoggerFactory>(), filter.LoggerFactory);

        // The registered filter, run by a real server: its failure line reaches the container's providers.
        using var hangfire = new HangfireHarness(globalFilter: false);
        hangfire.Filters.Add(filter);
        hangfire.StartServer();
        var id = hangfire.Enqueue<ContextJobs>(j => j.Fail("di-failure"));
        await hangfire.WaitForState(id, "Failed");

        var error = Assert.Single(capture.Lines, l => l.Level == LogLevel.Error && l.Category == "MetaMock.JobLogging.Hangfire");
        Assert.Equal(id, error.JobId);
        Assert.Equal(id, error.Scope("job_id"));
    }

    [Fact]
    public void Plain_GlobalConfiguration_registers_one_filter_with_the_given_logger_factory()
    {
        using var statics = new HangfireStatics();
        using var loggerFactory = new LoggerFactory();

        GlobalConfiguration.Configuration.UseMetaMockJobContext(loggerFactory);

        var filter = Assert.IsType<MetaMockJobContextFilter>(Assert.Single(statics.AddedFilters));
        Assert.Same(loggerFactory, filter.LoggerFactory);
    }

    [Fact]
    public void The_DI_form_without_a_logger_factory_in_the_container_is_a_clear_error()
    {
        using var statics = new HangfireStatics();
        using var container = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => GlobalConfiguration.Configuration.UseMetaMockJobContext(container));

        Assert.Contains("no ILoggerFactory", error.Message, StringComparison.Ordinal);
        Assert.Empty(statics.AddedFilters);
    }

    [Fact]
    public async Task An_attribute_alone_writes_its_failure_through_Hangfires_log_provider_with_the_job_context()
    {
        using var statics = new HangfireStatics();
        var hangfireSide = statics.CaptureHangfireLog();
        using var hangfire = new HangfireHarness(globalFilter: false);
        hangfire.StartServer();

        var id = hangfire.Enqueue<AttributedJobs>(j => j.Fail("fallback"));
        await hangfire.WaitForState(id, "Failed");

        var error = Assert.Single(hangfireSide.Lines, l => l.Level == LogLevel.Error && l.Category == "MetaMock.JobLogging.Hangfire");
        Assert.Equal(id, error.JobId);
        Assert.Equal("class_task", error.Job!.TaskName);
        Assert.Equal("boom fallback", error.Exception?.Message);
        Assert.Empty(hangfire.PackageLines(LogLevel.Error));
    }

    [Fact]
    public async Task With_both_the_global_filter_and_an_attribute_every_line_is_written_once_by_the_global_one()
    {
        using var statics = new HangfireStatics();
        var hangfireSide = statics.CaptureHangfireLog();
        using var hangfire = new HangfireHarness(retryAttempts: 1);
        hangfire.StartServer();

        var id = hangfire.Enqueue<AttributedJobs>(j => j.Fail("both-filters"));
        await hangfire.WaitForState(id, "Failed");

        Assert.Equal([id, $"{id}-r1"], hangfire.PackageLines(LogLevel.Error).Select(l => l.Job!.TaskRunId));
        Assert.Single(hangfire.PackageLines(LogLevel.Warning));
        Assert.All(hangfire.PackageLines(LogLevel.Error), e => Assert.Equal("class_task", e.Job!.TaskName));
        Assert.DoesNotContain(hangfireSide.Lines, l => l.Category == "MetaMock.JobLogging.Hangfire");
    }
}
