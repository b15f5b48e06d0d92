using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Routing;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Configuration;

/// <summary>
/// Which environment a host runs in, where its lines go, and what a start with a CloudWatch setting that cannot work
/// does: the line on stderr says it, and nothing fails silently.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class StartupTests(MotoFixture moto)
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task A_host_that_is_not_Development_sends_to_CloudWatch_with_USE_CLOUDWATCH_alone(string hostEnvironment)
    {
        var group = WireClients.UniqueGroup("hostenv");
        var run = new HostRun(hostEnvironment, new() { ["USE_CLOUDWATCH"] = "true", ["CLOUDWATCH_LOG_GROUP"] = group, ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = moto.Endpoint.ToString() });

        await run.LogAsync("from a host");

        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(["[INFO] [job_id=hosted task=step] from a host"], await reader.MessagesAsync(group, "jobs/hosted"));
        var line = Assert.Single(run.Report.Lines);
        Assert.Equal(
            $"MetaMock.JobLogging: environment production; log lines go to CloudWatch Logs group {group} at {moto.Endpoint}, region ap-south-1, and WARNING and above to the console.",
            line);
    }

    [Fact]
    public async Task ENVIRONMENT_production_turns_CloudWatch_on_in_any_host_and_stopping_the_host_delivers_what_is_buffered()
    {
        var group = WireClients.UniqueGroup("host");
        var run = new HostRun("Development", new()
        {
            ["ENVIRONMENT"] = "production",
            ["USE_CLOUDWATCH"] = "true",
            ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = moto.Endpoint.ToString(),
            ["CLOUDWATCH_LOG_GROUP"] = group,
            ["CLOUDWATCH_FLUSH_INTERVAL"] = "3600", // nothing is sent on a tick: only the stop can deliver
        });

        await run.LogAsync("from the host");

        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(["[INFO] [job_id=hosted task=step] from the host"], await reader.MessagesAsync(group, "jobs/hosted"));
    }

    [Fact]
    public async Task ENVIRONMENT_development_wins_over_the_host_and_the_start_line_says_USE_CLOUDWATCH_is_ignored()
    {
        var group = WireClients.UniqueGroup("devwins");
        var run = new HostRun("Production", new() { ["ENVIRONMENT"] = "development", ["USE_CLOUDWATCH"] = "true", ["CLOUDWATCH_LOG_GROUP"] = group, ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = moto.Endpoint.ToString() });

        await run.LogAsync("stays on the console");

        Assert.Equal(["stays on the console"], run.Lines);
        var line = Assert.Single(run.Report.Lines);
        Assert.StartsWith("MetaMock.JobLogging: environment development; log lines go to the console only. USE_CLOUDWATCH=true is ignored in development", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_log_group_in_development_is_one_warning_and_logging_goes_on()
    {
        var run = new HostRun("Development", new() { ["USE_CLOUDWATCH"] = "true", ["CLOUDWATCH_LOG_GROUP"] = "has space" });

        await run.LogAsync("still logged");

        Assert.Equal(["still logged"], run.Lines);
        Assert.Null(run.ExitCode);
        var warning = Assert.Single(run.Report.Lines, l => l.Contains("warning", StringComparison.Ordinal));
        Assert.Contains("CLOUDWATCH_LOG_GROUP", warning, StringComparison.Ordinal);
        Assert.Contains("\"has space\"", warning, StringComparison.Ordinal);
        Assert.Contains("1-512 characters of A-Z, a-z, 0-9", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_log_group_where_CloudWatch_is_used_stops_a_host_with_one_line_and_exit_code_1()
    {
        var run = new HostRun("Production", new() { ["USE_CLOUDWATCH"] = "true", ["CLOUDWATCH_LOG_GROUP"] = "aws/reserved" });

        using var host = run.Build();

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Report.Lines);
        Assert.StartsWith("MetaMock.JobLogging: LogGroup (CLOUDWATCH_LOG_GROUP) is \"aws/reserved\", which is not a valid log group name", line, StringComparison.Ordinal);
        Assert.EndsWith("stopping (exit code 1).", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_an_invalid_log_group_where_CloudWatch_is_used_throws_that_line()
    {
        var report = new LockedWriter();
        var services = new ServiceCollection()
            .AddSingleton(new StartupReport(report, exit: null))
            .AddSingleton(new ConsoleRoute(new CapturingLoggerProvider()))
            .AddLogging(logging => logging.AddMetaMockLogging(o =>
            {
                o.Environment = MetaMockEnvironment.Production;
                o.UseCloudWatch = true;
                o.LogGroup = "bad group";
            }));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ILoggerFactory>());

        Assert.Equal(Assert.Single(report.Lines), error.Message);
    }

    [Fact]
    public void The_start_line_shows_the_endpoint_without_a_user_name_or_password_it_may_carry()
    {
        var report = new LockedWriter();
        var options = new MetaMockLoggingOptions
        {
            Environment = MetaMockEnvironment.Production,
            UseCloudWatch = true,
            JobLogGroup = "job-group",
            Region = "eu-west-1",
            ServiceUrl = new Uri("http://someone:hunter2@127.0.0.1:5999/logs"),
        };

        Assert.True(new StartupReport(report, exit: null).Check(options));

        Assert.Equal(
            "MetaMock.JobLogging: environment production; log lines go to CloudWatch Logs group metamock-app (job streams: group job-group) at http://127.0.0.1:5999/logs, region eu-west-1, and WARNING and above to the console.",
            Assert.Single(report.Lines));
    }

    /// <summary>A host as an application builds it, with the variables, the console and stderr replaced.</summary>
    private sealed class HostRun(string environmentName, Dictionary<string, string> variables)
    {
        public LockedWriter Report { get; } = new();

        public CapturingLoggerProvider Console { get; } = new();

        public int? ExitCode { get; private set; }

        /// <summary>The test's own console lines (the host writes its start and stop lines there too).</summary>
        public IEnumerable<string> Lines => Console.Lines.Where(l => l.Category == typeof(StartupTests).FullName).Select(l => l.Message);

        public IHost Build()
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environmentName });
            builder.Services.AddSingleton(new EnvironmentVariables(variables.GetValueOrDefault));
            builder.Services.AddSingleton(new ConsoleRoute(Console));
            builder.Services.AddSingleton(new SenderOutput(new LockedWriter(), new LockedWriter()));
            builder.Services.AddSingleton(new StartupReport(Report, code => ExitCode = code));
            builder.Logging.AddMetaMockLogging();
            return builder.Build();
        }

        public async Task LogAsync(string message)
        {
            using var host = Build();
            await host.StartAsync();
            using (MetaMockLogContext.BeginJobContext("hosted", "step"))
            {
                host.Services.GetRequiredService<ILogger<StartupTests>>().LogInformation("{Message}", message);
            }

            await host.StopAsync();
        }
    }
}
