using MetaMock.JobLogging.DemoWorker.Tests.Support;
using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.DemoWorker.Tests;

/// <summary>The demo in production mode against a real CloudWatch Logs emulator (moto), read back with the aws CLI.</summary>
public sealed class ProductionModeTests : IDisposable
{
    private static readonly string[] WorkflowTasks = ["bulk_workflow", "validate_preset", "generate_prompts", "generate_images", "upload_to_s3", "notify_user"];

    private readonly MotoServer _moto = MotoServer.Start();

    public void Dispose() => _moto.Dispose();

    [Fact]
    public async Task Each_workflow_lands_whole_in_its_own_stream_and_the_console_shows_warnings_and_errors_only()
    {
        var group = $"demo-{Guid.NewGuid():N}";
        var run = await DemoProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ENVIRONMENT"] = "production",
                ["USE_CLOUDWATCH"] = "true",
                ["CLOUDWATCH_LOG_GROUP"] = group,
                ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = _moto.Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretAccessKey,
            },
            "--bulk-jobs", "2", "--images", "4", "--failure-rate", "0.5", "--seed", "5");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");

        // The console: the spec's dual routing keeps only WARNING and above there.
        Assert.NotEmpty(run.Records);
        Assert.All(run.Records, r => Assert.Contains(r.Level, new[] { "WARNING", "ERROR", "CRITICAL" }));

        var streams = await AwsCli.StreamNamesAsync(_moto, group);
        Assert.Contains(streams, s => s.StartsWith("demo-worker/", StringComparison.Ordinal)); // the worker's own stream
        var workflowStreams = streams.Where(s => s.StartsWith("jobs/bulk-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, workflowStreams.Count);

        foreach (var stream in workflowStreams)
        {
            var workflowId = stream["jobs/".Length..];
            var events = await AwsCli.EventsAsync(_moto, group, stream);
            var records = events.Select(e => DemoResult.Parse(e.Message.Split('\n')[0])).ToList();
            Assert.All(records, r => Assert.NotNull(r));

            // Every line of the workflow, from the Hangfire steps, the image children and the Quartz job it scheduled,
            // is in this one stream with the workflow's context.
            Assert.All(records, r => Assert.Equal(workflowId, r!.JobId));
            Assert.All(records, r => Assert.Equal("123", r!.UserId));
            Assert.Equal(WorkflowTasks.Order(), records.Select(r => r!.Task!).Distinct().Order());
            Assert.Contains(records, r => r!.Level == "DEBUG"); // every level goes to CloudWatch

            // In order: chronological timestamps, the workflow starts first and the user is notified last.
            Assert.Equal(events.Select(e => e.Timestamp).Order(), events.Select(e => e.Timestamp));
            Assert.Equal("bulk_workflow", records[0]!.Task);
            Assert.Equal("notify_user", records[^1]!.Task);
            var progress = records.Where(r => r!.Message.StartsWith("Generated ", StringComparison.Ordinal) && r.Message.EndsWith("/4 images", StringComparison.Ordinal)).Select(r => r!.Message).ToList();
            // Two image jobs may log their counts in either order; each count appears once.
            Assert.Equal(["Generated 1/4 images", "Generated 2/4 images", "Generated 3/4 images", "Generated 4/4 images"], progress.Order(StringComparer.Ordinal));
        }
    }
}
