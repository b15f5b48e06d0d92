using System.Text.Json;
using MetaMock.JobLogging.Testing;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch;

/// <summary>
/// A JSON event is made of what its values and scopes were at the log call, whatever happens to those objects before
/// the sender formats it. The fake clock keeps the sender from waking by itself: it formats everything at shutdown,
/// long after the objects changed.
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class CapturedAtTheCallTests(MotoFixture moto)
{
    [Fact]
    public async Task An_object_changed_after_the_call_is_logged_as_it_was_in_the_message_and_the_JSON_value()
    {
        var group = WireClients.UniqueGroup("mutated");
        var order = new Order { State = "created" };
        using (var harness = Start(group))
        {
            harness.CreateLogger().LogInformation("Order {Order}", order);
            order.State = "shipped";
        }

        var line = Assert.Single(await Lines(group));
        Assert.Equal("Order Order(state=created)", line.GetProperty("message").GetString());
        Assert.Equal("Order(state=created)", line.GetProperty("Order").GetString());
    }

    [Fact]
    public async Task A_scope_dictionary_changed_by_another_thread_while_events_wait_costs_no_event_and_keeps_the_values_of_the_call()
    {
        const int Events = 200;
        var group = WireClients.UniqueGroup("scope-race");
        var scope = new Dictionary<string, object?> { ["Step"] = -1 };
        var harness = Start(group);
        using (harness)
        {
            var logger = harness.CreateLogger();
            using (logger.BeginScope(scope))
            {
                for (var i = 0; i < Events; i++)
                {
                    scope["Step"] = i;
                    logger.LogInformation("step {Expected}", i);
                }
            }

            // Another thread keeps changing the dictionary while the sender formats the waiting events at shutdown.
            using var stop = new CancellationTokenSource();
            var mutator = Task.Run(() =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    scope[$"k{n % 64}"] = n;
                    scope.Remove($"k{(n + 32) % 64}");
                    scope["Step"] = "changed";
                }
            });
            harness.Dispose();
            await stop.CancelAsync();
            await mutator;
        }

        var lines = await Lines(group);
        Assert.Equal(0, harness.Diagnostics.DroppedByReason.GetValueOrDefault("format_failed"));
        Assert.Equal(Events, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal(line.GetProperty("Expected").GetInt32(), line.GetProperty("Step").GetInt32());
            Assert.False(line.TryGetProperty("k0", out _));
        });
    }

    private LoggingHarness Start(string group) =>
        LoggingHarness.Start(moto.Endpoint, group, o => o.Format = LogFormat.Json, time: new FakeTimeProvider(DateTimeOffset.UtcNow));

    private async Task<List<JsonElement>> Lines(string group)
    {
        using var reader = new MotoLogsReader(moto.Endpoint);
        var lines = new List<JsonElement>();
        foreach (var stream in await reader.StreamsAsync(group))
        {
            lines.AddRange((await reader.MessagesAsync(group, stream)).Select(message => JsonDocument.Parse(message).RootElement));
        }

        return lines;
    }

    private sealed class Order
    {
        public string State { get; set; } = "";

        public override string ToString() => $"Order(state={State})";
    }
}
