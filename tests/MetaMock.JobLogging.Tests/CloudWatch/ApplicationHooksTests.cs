using Amazon.Runtime;
using MetaMock.JobLogging.Routing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>What an application reaches for beyond logging: a flush that keeps the logger, its own credentials and HTTP handler, an async stop.</summary>
[Collection(UsesMoto.Name)]
public sealed class ApplicationHooksTests(MotoFixture moto)
{
    [Fact]
    public async Task FlushAsync_delivers_what_was_logged_before_it_without_waiting_for_the_flush_interval_and_logging_goes_on()
    {
        var group = WireClients.UniqueGroup("flush");
        using var harness = LoggingHarness.Start(moto.Endpoint, group, o => o.FlushInterval = TimeSpan.FromHours(1));
        var logger = harness.CreateLogger();
        using (MetaMockLogContext.BeginJobContext("flushed", "step"))
        {
            logger.LogInformation("one");
            logger.LogInformation("two");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await harness.Diagnostics.FlushAsync(timeout.Token);

        Assert.Equal(2, harness.Diagnostics.EventsSent);
        Assert.Equal(0, harness.Diagnostics.QueuedEvents);
        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(["[INFO] [job_id=flushed task=step] one", "[INFO] [job_id=flushed task=step] two"], await reader.MessagesAsync(group, "jobs/flushed"));

        using (MetaMockLogContext.BeginJobContext("flushed", "step"))
        {
            logger.LogInformation("three");
        }

        await harness.Diagnostics.FlushAsync(timeout.Token);
        Assert.Equal(3, harness.Diagnostics.EventsSent);
    }

    [Fact]
    public async Task Credentials_and_the_HTTP_handler_given_in_code_are_the_ones_the_client_uses()
    {
        var group = WireClients.UniqueGroup("hooks");
        var seen = new RecordingHandler();
        using (var harness = LoggingHarness.Start(moto.Endpoint, group, o =>
        {
            o.Credentials = new BasicAWSCredentials("AKIDFROMCODE", "secret-from-code");
            o.HttpHandlerFactory = () => seen;
        }))
        {
            harness.CreateLogger().LogInformation("through the application's handler");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await harness.Diagnostics.FlushAsync(timeout.Token);
        }

        Assert.NotEmpty(seen.Authorizations);
        Assert.All(seen.Authorizations, a => Assert.Contains("Credential=AKIDFROMCODE/", a, StringComparison.Ordinal));
        Assert.False(seen.AllowAutoRedirect);
    }

    [Fact]
    public async Task Disposing_the_container_asynchronously_does_not_block_the_caller_and_still_delivers()
    {
        var group = WireClients.UniqueGroup("asyncstop");
        var services = new ServiceCollection().AddLogging(logging => logging.AddMetaMockLogging(o =>
        {
            o.Environment = MetaMockEnvironment.Production;
            o.UseCloudWatch = true;
            o.ServiceUrl = moto.Endpoint;
            o.LogGroup = group;
            o.FlushInterval = TimeSpan.FromHours(1);
        }));
        services.AddSingleton(new ConsoleRoute(new MetaMock.JobLogging.Testing.CapturingLoggerProvider()));
        services.AddSingleton(new MetaMock.JobLogging.Configuration.StartupReport(TextWriter.Null, exit: null));
        var container = services.BuildServiceProvider();
        container.GetRequiredService<ILoggerFactory>().CreateLogger("test").LogInformation("delivered at the stop");

        var stopping = container.DisposeAsync();

        Assert.False(stopping.IsCompleted, "the sender's last send ran on the disposing thread");
        await stopping;
        using var reader = new CloudWatchReader(moto.Endpoint);
        var stream = Assert.Single(await reader.StreamsAsync(group));
        Assert.Equal(["[INFO] delivered at the stop"], await reader.MessagesAsync(group, stream));
    }

    /// <summary>The application's innermost handler: real sockets, recording what the client sends through them.</summary>
    private sealed class RecordingHandler : HttpClientHandler
    {
        private readonly List<string> _authorizations = [];

        public IReadOnlyList<string> Authorizations
        {
            get
            {
                lock (_authorizations)
                {
                    return [.. _authorizations];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_authorizations)
            {
                _authorizations.Add(request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : "(none)");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
