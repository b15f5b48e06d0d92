using System.Text.Json;
using MetaMock.JobLogging.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Formatting;

public sealed class JsonLineTests : IDisposable
{
    private readonly LoggingHarness _harness = new(configure: o => o.Format = LogFormat.Json);

    public void Dispose() => _harness.Dispose();

    private JsonElement SingleRecord()
    {
        var record = Assert.Single(_harness.Console.Records);
        return JsonDocument.Parse(record).RootElement;
    }

    [Fact]
    public void A_record_parses_back_with_context_as_top_level_keys_and_template_values()
    {
        var before = DateTimeOffset.UtcNow;
        using (MetaMockLogContext.BeginContext(new UserContext("123"), new JobContext("bulk-abc123", "generate_images", "run-7")))
        {
            _harness.Logger("Demo.Images").LogInformation("Generated {Count} images for {PresetId}", 12, "preset-42");
        }

        var json = SingleRecord();
        Assert.Equal("INFO", json.GetProperty("level").GetString());
        Assert.Equal("Demo.Images", json.GetProperty("category").GetString());
        Assert.Equal("Generated 12 images for preset-42", json.GetProperty("message").GetString());
        Assert.Equal("123", json.GetProperty("user_id").GetString());
        Assert.Equal("bulk-abc123", json.GetProperty("job_id").GetString());
        Assert.Equal("generate_images", json.GetProperty("task_name").GetString());
        Assert.Equal("run-7", json.GetProperty("task_run_id").GetString());
        Assert.Equal(12, json.GetProperty("Count").GetInt32());
        Assert.Equal("preset-42", json.GetProperty("PresetId").GetString());
        Assert.False(json.TryGetProperty("{OriginalFormat}", out _));
        Assert.False(json.TryGetProperty("exception", out _));
        var timestamp = json.GetProperty("timestamp").GetDateTimeOffset();
        Assert.Equal(TimeSpan.Zero, timestamp.Offset);
        Assert.InRange(timestamp, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.EndsWith("Z", json.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_context_the_context_keys_are_absent()
    {
        _harness.Logger().LogWarning("plain");
        var json = SingleRecord();
        Assert.Equal("WARNING", json.GetProperty("level").GetString());
        Assert.False(json.TryGetProperty("job_id", out _));
        Assert.False(json.TryGetProperty("user_id", out _));
    }

    [Fact]
    public void Scope_properties_become_keys_and_cannot_overwrite_reserved_ones()
    {
        var logger = _harness.Logger();
        using (MetaMockLogContext.BeginJobContext("real-job"))
        using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("tenant", "acme"), new("job_id", "scope-job") }))
        {
            #pragma warning disable CA1727 // the lower-case name is the point: it collides with the reserved "level" key
            logger.LogInformation("Value {level}", "template-level");
#pragma warning restore CA1727
        }

        var json = SingleRecord();
        Assert.Equal("acme", json.GetProperty("tenant").GetString());
        Assert.Equal("real-job", json.GetProperty("job_id").GetString());
        Assert.Equal("INFO", json.GetProperty("level").GetString());
        Assert.Equal(1, json.EnumerateObject().Count(p => p.Name == "job_id"));
    }

    [Fact]
    public void Keys_that_differ_only_in_lone_surrogates_are_written_once()
    {
        var logger = _harness.Logger();
        using (logger.BeginScope(new[] { new KeyValuePair<string, object?>("key\uD800", "first"), new("key\uDC00", "second"), new("key\uFFFD", "third") }))
        {
            logger.LogInformation("plain");
        }

        var json = SingleRecord();
        var keys = json.EnumerateObject().Where(p => p.Name.StartsWith("key", StringComparison.Ordinal)).ToList();
        var key = Assert.Single(keys);
        Assert.Equal("key\uFFFD", key.Name);
        Assert.Equal("first", key.Value.GetString());
    }

    [Fact]
    public void An_exception_and_hostile_text_stay_inside_one_json_line()
    {
        _harness.Logger().LogError(new InvalidOperationException("bad\nthing"), "line one\nline two \"quoted\"");
        var json = SingleRecord();
        Assert.Equal("line one\nline two \"quoted\"", json.GetProperty("message").GetString());
        Assert.StartsWith("System.InvalidOperationException: bad\nthing", json.GetProperty("exception").GetString(), StringComparison.Ordinal);
    }
}
