using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Tests.Routing;

[Collection(UsesMoto.Name)]
public sealed class ProductionRoutingTests(MotoFixture moto)
{
    [Fact]
    public async Task Without_credentials_every_level_goes_to_the_console_after_one_warning_naming_the_cause()
    {
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(moto.Endpoint, WireClients.UniqueGroup("nocreds"), clients: StubClientSource.WithoutCredentials()))
        {
            var logger = harness.CreateLogger();
            logger.LogInformation("first info");
            await Eventually.TrueAsync(() => harness.Warnings.Text.Length > 0, "the fallback is announced");
            logger.LogDebug("later debug");
            logger.LogWarning("later warning");
        }

        var warning = Assert.Single(harness.Warnings.Lines);
        Assert.Contains("no AWS credentials were found", warning, StringComparison.Ordinal);
        // Each line exactly once. The first races the switch: captured before it, the sender prints it; after it, the
        // logger writes it to the console route directly. Lines logged after the warning always take the direct way.
        var firstViaSender = harness.FallbackEvents.Lines.Count(l => l == "[INFO] first info");
        var firstDirect = harness.Console.Lines.Count(l => l.Message == "first info");
        Assert.Equal(1, firstViaSender + firstDirect);
        Assert.Equal(firstViaSender, harness.FallbackEvents.Lines.Count);
        // Every line went to the console instead of CloudWatch, whichever way it took, and each is counted.
        Assert.Equal(3, harness.Diagnostics.EventsWrittenToConsole);
        Assert.Equal(["later debug", "later warning"], harness.Console.Lines.Select(l => l.Message).Where(m => m != "first info"));
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
        Accounting.AssertAddsUp(harness.Diagnostics, 3);
    }

    [Theory]
    [InlineData("UnrecognizedClientException")]
    [InlineData("InvalidSignatureException")]
    [InlineData("AccessDeniedException")]
    [InlineData("ExpiredTokenException")]
    public async Task Refused_credentials_switch_to_the_console_with_one_warning_that_never_shows_a_key_or_token(string error)
    {
        using var proxy = new FaultProxy(moto.Endpoint) { RefuseCredentialsWith = error };
        proxy.Start();
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(proxy.Endpoint, WireClients.UniqueGroup("refused"), clients: StubClientSource.WithSessionCredentials(proxy.Endpoint)))
        {
            var logger = harness.CreateLogger();
            logger.LogInformation("before the refusal");
            await Eventually.TrueAsync(() => harness.Warnings.Text.Contains(error, StringComparison.Ordinal), "the refusal is announced");
            logger.LogInformation("after the refusal");
        }

        var warning = Assert.Single(harness.Warnings.Lines);
        Assert.Contains(error, warning, StringComparison.Ordinal);
        var everything = harness.Warnings.Text + harness.FallbackEvents.Text + harness.Diagnostics.LastError;
        Assert.DoesNotContain(StubClientSource.AccessKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(StubClientSource.SecretKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(StubClientSource.SessionToken, everything, StringComparison.Ordinal);
        Assert.Equal(["[INFO] before the refusal"], harness.FallbackEvents.Lines);
        Assert.Equal(["after the refusal"], harness.Console.Lines.Select(l => l.Message));
        Assert.Equal(2, harness.Diagnostics.EventsWrittenToConsole);
        Accounting.AssertAddsUp(harness.Diagnostics, 2);
    }

    [Fact]
    public async Task The_sender_loop_does_not_inherit_the_context_of_the_code_that_created_the_logger()
    {
        var clients = StubClientSource.WithoutCredentials();
        LoggingHarness harness;
        using (MetaMockLogContext.BeginJobContext("creator-job"))
        {
            harness = LoggingHarness.Start(moto.Endpoint, WireClients.UniqueGroup("flow"), clients: clients);
        }

        using (harness)
        {
            await Eventually.TrueAsync(() => harness.Warnings.Text.Length > 0, "the loop has asked for its client");
        }

        Assert.Null(clients.ContextSeen);
    }

    [Fact]
    public void A_second_dispose_is_harmless_and_a_line_logged_after_dispose_still_reaches_the_console()
    {
        var harness = LoggingHarness.Start(moto.Endpoint, WireClients.UniqueGroup("disposed"));
        var logger = harness.CreateLogger();
        harness.Dispose();
        harness.Dispose();

        logger.LogInformation("after dispose");

        Assert.Equal(["after dispose"], harness.Console.Lines.Select(l => l.Message));
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
        Accounting.AssertAddsUp(harness.Diagnostics, 1);
    }

    [Fact]
    public void Outside_production_nothing_goes_to_CloudWatch_and_every_level_goes_to_the_console()
    {
        var group = WireClients.UniqueGroup("dev");
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(moto.Endpoint, group, o => o.Environment = MetaMockEnvironment.Development))
        {
            harness.CreateLogger().LogDebug("debug in development");
        }

        Assert.Equal(["debug in development"], harness.Console.Lines.Select(l => l.Message));
        Assert.Equal(0, harness.Diagnostics.EventsSent);
        Assert.Empty(harness.Diagnostics.ActiveStreams);
    }

    [Fact]
    public void A_retention_CloudWatch_does_not_allow_stops_the_start_with_the_allowed_values()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            LoggingHarness.Start(moto.Endpoint, WireClients.UniqueGroup("bad"), o => o.RetentionDays = 10).Dispose());

        Assert.Contains("RetentionDays (CLOUDWATCH_RETENTION_DAYS) is 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("1, 3, 5, 7, 14, 30, 60, 90", error.Message, StringComparison.Ordinal);
    }
}
