using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Send;

/// <summary>
/// Streams are created only when a put finds them missing, and their group only when a stream's creation finds it missing,
/// once for all the streams that find it so: CloudWatch allows only a few CreateLogGroup calls a second per account, and a
/// fleet creates many job streams.
/// </summary>
public sealed class ResourceCreationTests
{
    [Fact]
    public async Task Many_new_streams_create_the_group_once_and_a_deleted_group_is_created_again()
    {
        var client = new RecordingClient();
        using var harness = LoggingHarness.Start(new Uri("http://127.0.0.1:9/"), "created", clients: client);
        var logger = harness.CreateLogger();
        for (var job = 0; job < 20; job++)
        {
            Log(logger, $"new-{job}");
        }

        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 20, "every event is sent");
        Assert.Equal(1, client.GroupCreates);
        // Each stream once, and a second time for those whose first try found the group not yet made.
        Assert.InRange(client.StreamCreates, 21, 40);
        var streamCreates = client.StreamCreates;

        // Someone deletes the group: the next put finds the stream missing, its creation finds the group missing.
        client.DeleteGroup("created");
        Log(logger, "new-0");
        await Eventually.TrueAsync(() => harness.Diagnostics.EventsSent == 21, "the line after the deletion is sent");

        Assert.Equal((2, streamCreates + 2), (client.GroupCreates, client.StreamCreates));
        Assert.Equal(["[INFO] [job_id=new-0] line"], client.Events("created", "jobs/new-0").Select(e => e.Message));
        Assert.Empty(client.Violations);
        Accounting.AssertAddsUp(harness.Diagnostics, 21);
    }

    private static void Log(ILogger logger, string job)
    {
        using var context = MetaMockLogContext.BeginJobContext(job);
        logger.LogInformation("line");
    }
}
