using System.Text.Json;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using CloudWatchHarness = MetaMock.JobLogging.Tests.CloudWatch.Support.LoggingHarness;
using ConsoleHarness = MetaMock.JobLogging.Tests.Support.LoggingHarness;

namespace MetaMock.JobLogging.Tests.Formatting;

/// <summary>The JSON line's host, pid and seq: which worker wrote it, and its place among that worker's lines.</summary>
public sealed class JsonOriginTests
{
    [Fact]
    public void Console_JSON_lines_carry_the_host_the_process_id_and_a_sequence_that_increases_with_each_call()
    {
        using var harness = new ConsoleHarness(configure: o => o.Format = LogFormat.Json);
        var logger = harness.Logger();
        for (var i = 0; i < 5; i++)
        {
            logger.LogInformation("line {Index}", i);
        }

        AssertOrigin(harness.Console.Writes);
    }

    [Fact]
    public void CloudWatch_JSON_lines_with_one_timestamp_keep_the_order_of_their_calls_in_seq()
    {
        var client = new RecordingClient();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var harness = CloudWatchHarness.Start(new Uri("http://127.0.0.1:9/"), "origin", o => o.Format = LogFormat.Json, time, client);
        using (harness)
        using (MetaMockLogContext.BeginJobContext("origin"))
        {
            var logger = harness.CreateLogger();
            for (var i = 0; i < 5; i++)
            {
                logger.LogInformation("line {Index}", i);
            }
        }

        AssertOrigin([.. client.Events("origin", "jobs/origin").Select(e => e.Message)]);
    }

    [Fact]
    public void A_warning_printed_on_the_console_and_sent_to_CloudWatch_carries_one_seq_in_both()
    {
        var client = new RecordingClient();
        var harness = new ConsoleHarness(
            configure: o =>
            {
                o.Environment = MetaMockEnvironment.Production;
                o.UseCloudWatch = true;
                o.ServiceUrl = new Uri("http://127.0.0.1:9/");
                o.LogGroup = "one-seq";
                o.ServiceName = "svc";
                o.Format = LogFormat.Json;
            },
            clients: client);
        using (harness)
        using (MetaMockLogContext.BeginJobContext("one-seq"))
        {
            var logger = harness.Logger();
            logger.LogWarning("first {Index}", 1);
            logger.LogInformation("between {Index}", 2);
            logger.LogError("second {Index}", 3);
        }

        var sent = client.Events("one-seq", "jobs/one-seq").Select(e => JsonDocument.Parse(e.Message).RootElement).ToList();
        var printed = harness.Console.Writes.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal(2, printed.Count);
        foreach (var line in printed)
        {
            var index = line.GetProperty("Index").GetInt32();
            var twin = Assert.Single(sent, s => s.GetProperty("Index").GetInt32() == index);
            Assert.Equal(twin.GetProperty("seq").GetInt64(), line.GetProperty("seq").GetInt64());
        }

        // The INFO line between them, sent only, took the number between theirs.
        var seqs = sent.Select(s => s.GetProperty("seq").GetInt64()).ToList();
        Assert.True(seqs[0] < seqs[1] && seqs[1] < seqs[2], string.Join(", ", seqs));
    }

    [Fact]
    public void The_text_line_carries_none_of_them()
    {
        using var harness = new ConsoleHarness();
        harness.Logger().LogInformation("plain");
        Assert.Equal(["[INFO] plain"], harness.Console.Writes);
    }

    private static void AssertOrigin(IReadOnlyList<string> lines)
    {
        var records = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(Environment.MachineName, r.GetProperty("host").GetString()));
        Assert.All(records, r => Assert.Equal(Environment.ProcessId, r.GetProperty("pid").GetInt32()));
        Assert.Equal(records.Select(r => r.GetProperty("Index").GetInt32()), Enumerable.Range(0, 5));

        // Other tests in this process log too: the numbers increase with the calls, not necessarily one by one.
        var seqs = records.Select(r => r.GetProperty("seq").GetInt64()).ToList();
        Assert.True(seqs.Zip(seqs.Skip(1)).All(p => p.Second > p.First), string.Join(", ", seqs));
        Assert.True(seqs[0] > 0);
    }
}
