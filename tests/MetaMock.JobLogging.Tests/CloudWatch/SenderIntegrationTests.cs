using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch;

[Collection(UsesMoto.Name)]
public sealed class SenderIntegrationTests(MotoFixture moto)
{
    [Fact]
    public async Task Fifty_jobs_of_two_hundred_lines_land_in_fifty_job_streams_each_line_once_in_order_with_its_context()
    {
        var group = WireClients.UniqueGroup("jobs");
        using (var harness = LoggingHarness.Start(moto.Endpoint, group))
        {
            var logger = harness.CreateLogger("Jobs");
            await Task.WhenAll(Enumerable.Range(0, 50).Select(job => Task.Run(() =>
            {
                using var context = MetaMockLogContext.BeginJobContext($"job-{job}", "bulk_workflow", $"run-{job}");
                for (var line = 0; line < 200; line++)
                {
                    logger.LogInformation("step {Line} of job {Job}", line, job);
                }
            })));
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        var streams = await reader.StreamsAsync(group);
        Assert.Equal(Enumerable.Range(0, 50).Select(j => $"jobs/job-{j}").Order(StringComparer.Ordinal), streams.Order(StringComparer.Ordinal));
        for (var job = 0; job < 50; job++)
        {
            var expected = Enumerable.Range(0, 200).Select(line =>
                $"[INFO] [job_id=job-{job} task=bulk_workflow run_id=run-{job}] step {line} of job {job}");
            Assert.Equal(expected, await reader.MessagesAsync(group, $"jobs/job-{job}"));
        }
    }

    [Fact]
    public async Task Lines_without_a_job_go_to_the_service_host_date_stream_and_roll_over_at_UTC_midnight()
    {
        var group = WireClients.UniqueGroup("default");
        // Just before today's UTC midnight, so moto (which refuses events older than 14 days) accepts both days.
        var midnight = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var time = new FakeTimeProvider(midnight.AddMilliseconds(-500));
        using (var harness = LoggingHarness.Start(moto.Endpoint, group, time: time))
        {
            var logger = harness.CreateLogger();
            logger.LogInformation("before midnight");
            time.Advance(TimeSpan.FromSeconds(1));
            logger.LogInformation("after midnight");
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        var host = StreamNamesOf(Environment.MachineName);
        var yesterday = $"svc/{host}/{midnight.AddDays(-1):yyyy-MM-dd}";
        var today = $"svc/{host}/{midnight:yyyy-MM-dd}";
        Assert.Equal(["[INFO] before midnight"], await reader.MessagesAsync(group, yesterday));
        Assert.Equal(["[INFO] after midnight"], await reader.MessagesAsync(group, today));
    }

    [Fact]
    public async Task Groups_are_created_on_first_use_with_their_retention_and_job_streams_can_have_their_own_group()
    {
        var group = WireClients.UniqueGroup("retention");
        var jobGroup = group + "-jobs";
        using (var harness = LoggingHarness.Start(moto.Endpoint, group, o =>
        {
            o.RetentionDays = 7;
            o.JobLogGroup = jobGroup;
            o.JobRetentionDays = 90;
        }))
        {
            var logger = harness.CreateLogger();
            logger.LogInformation("service line");
            using (MetaMockLogContext.BeginJobContext("retained"))
            {
                logger.LogInformation("job line");
            }
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(7, await reader.RetentionAsync(group));
        Assert.Equal(90, await reader.RetentionAsync(jobGroup));
        Assert.Equal(["[INFO] [job_id=retained] job line"], await reader.MessagesAsync(jobGroup, "jobs/retained"));
        Assert.DoesNotContain("jobs/retained", await reader.StreamsAsync(group));
    }

    [Fact]
    public async Task In_production_every_level_goes_to_CloudWatch_and_only_warnings_and_above_to_the_console()
    {
        var group = WireClients.UniqueGroup("dual");
        LoggingHarness harness;
        using (harness = LoggingHarness.Start(moto.Endpoint, group))
        {
            var logger = harness.CreateLogger();
            using var context = MetaMockLogContext.BeginJobContext("dual");
            logger.LogDebug("debug line");
            logger.LogInformation("info line");
            logger.LogWarning("warning line");
            logger.LogError("error line");
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        Assert.Equal(
            ["[DEBUG] [job_id=dual] debug line", "[INFO] [job_id=dual] info line", "[WARNING] [job_id=dual] warning line", "[ERROR] [job_id=dual] error line"],
            await reader.MessagesAsync(group, "jobs/dual"));
        Assert.Equal(["warning line", "error line"], harness.Console.Lines.Select(l => l.Message));
        Assert.Equal(4, harness.Diagnostics.EventsSent);
        Assert.Equal(0, harness.Diagnostics.EventsDropped);
    }

    [Fact]
    public async Task The_JSON_format_sends_one_object_per_event_with_context_template_values_and_scopes()
    {
        var group = WireClients.UniqueGroup("json");
        using (var harness = LoggingHarness.Start(moto.Endpoint, group, o => o.Format = LogFormat.Json))
        {
            using var context = MetaMockLogContext.BeginJobContext("j1", "resize");
            var logger = harness.CreateLogger("Images");
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = "req-7" });
            logger.LogInformation("Generated {Count} images", 12);
        }

        using var reader = new CloudWatchReader(moto.Endpoint);
        var json = System.Text.Json.JsonDocument.Parse((await reader.MessagesAsync(group, "jobs/j1")).Single()).RootElement;
        Assert.Equal("Generated 12 images", json.GetProperty("message").GetString());
        Assert.Equal("j1", json.GetProperty("job_id").GetString());
        Assert.Equal("Images", json.GetProperty("category").GetString());
        Assert.Equal(12, json.GetProperty("Count").GetInt32());
        Assert.Equal("req-7", json.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Events_are_sent_on_the_flush_interval_while_the_application_runs()
    {
        var group = WireClients.UniqueGroup("interval");
        using var harness = LoggingHarness.Start(moto.Endpoint, group);
        using var reader = new CloudWatchReader(moto.Endpoint);
        using (MetaMockLogContext.BeginJobContext("live"))
        {
            harness.CreateLogger().LogInformation("while running");
        }

        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 1, "the event is sent without a dispose");
        Assert.Equal(["[INFO] [job_id=live] while running"], await reader.MessagesAsync(group, "jobs/live"));
        Assert.Contains("jobs/live", harness.Diagnostics.ActiveStreams);
    }

    private static string StreamNamesOf(string host) => MetaMock.JobLogging.CloudWatch.StreamNames.Part(host, 200);
}
