using MetaMock.JobLogging.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.ConsoleOutput;

/// <summary>The spec's console examples, typed from the spec, reproduced through the real registration.</summary>
public sealed class SpecConsoleExamplesTests : IDisposable
{
    private readonly LoggingHarness _harness = new(environment: new Dictionary<string, string?> { ["LOG_LEVEL"] = "DEBUG" });

    public SpecConsoleExamplesTests() => MetaMockLogContext.ClearAllContext();

    public void Dispose()
    {
        MetaMockLogContext.ClearAllContext();
        _harness.Dispose();
    }

    [Fact]
    public void The_development_debugging_block_is_reproduced_exactly()
    {
        var logger = _harness.Logger("backend.workflows");
        MetaMockLogContext.SetUserContext(123);
        logger.LogInformation("User authenticated");
        MetaMockLogContext.SetJobContext("bulk-abc123", "bulk_workflow");
        logger.LogInformation("Starting bulk generation");
        MetaMockLogContext.SetJobContext("bulk-abc123", "validate_preset", "def456");
        logger.LogDebug("Validating preset configuration");
        MetaMockLogContext.SetJobContext("bulk-abc123", "generate_prompts", "ghi789");
        logger.LogInformation("Generated {Count} unique prompts", 5);
        MetaMockLogContext.SetJobContext("bulk-abc123", "generate_images", "jkl012");
        logger.LogError("Image generation failed: {Reason}", "API timeout");

        const string expected = """
            [INFO] [user_id=123] User authenticated
            [INFO] [user_id=123 job_id=bulk-abc123 task=bulk_workflow] Starting bulk generation
            [DEBUG] [user_id=123 job_id=bulk-abc123 task=validate_preset run_id=def456] Validating preset configuration
            [INFO] [user_id=123 job_id=bulk-abc123 task=generate_prompts run_id=ghi789] Generated 5 unique prompts
            [ERROR] [user_id=123 job_id=bulk-abc123 task=generate_images run_id=jkl012] Image generation failed: API timeout

            """;
        Assert.Equal(expected.ReplaceLineEndings(Environment.NewLine), _harness.Console.Text);
    }

    [Fact]
    public void The_usage_pattern_examples_are_reproduced()
    {
        var logger = _harness.Logger();
        MetaMockLogContext.SetUserContext(123);
        MetaMockLogContext.SetJobContext("bulk-abc123", "bulk_workflow", "run-456");
        logger.LogInformation("Processing user request");
        MetaMockLogContext.ClearJobContext();
        logger.LogInformation("Processing API request");
        MetaMockLogContext.ClearAllContext();
        MetaMockLogContext.SetJobContext("abc123", "validate_preset", "def456");
        logger.LogInformation("Starting step: {Step}", "validate_preset");
        MetaMockLogContext.ClearAllContext();
        logger.LogWarning("no context");

        Assert.Equal(
            [
                "[INFO] [user_id=123 job_id=bulk-abc123 task=bulk_workflow run_id=run-456] Processing user request",
                "[INFO] [user_id=123] Processing API request",
                "[INFO] [job_id=abc123 task=validate_preset run_id=def456] Starting step: validate_preset",
                "[WARNING] no context",
            ],
            _harness.Console.Records);
    }

    [Fact]
    public void Each_level_has_the_spec_name()
    {
        var logger = _harness.Logger();
        foreach (var level in new[] { LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical })
        {
            logger.Log(level, "x");
        }

        Assert.Equal(["[DEBUG] x", "[INFO] x", "[WARNING] x", "[ERROR] x", "[CRITICAL] x"], _harness.Console.Records);
    }

    [Fact]
    public void An_exception_follows_on_the_next_lines_of_the_same_record()
    {
        var logger = _harness.Logger();
        Exception error;
        try
        {
            try
            {
                throw new TimeoutException("API timeout");
            }
            catch (TimeoutException inner)
            {
                throw new InvalidOperationException("Image generation failed", inner);
            }
        }
        catch (InvalidOperationException ex)
        {
            error = ex;
        }

        using (MetaMockLogContext.BeginJobContext("job-1"))
        {
            logger.LogError(error, "Step failed");
        }

        var lines = _harness.Console.Text.Split(Environment.NewLine);
        Assert.Equal("[ERROR] [job_id=job-1] Step failed", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: Image generation failed", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("---> System.TimeoutException: API timeout", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thousand_concurrent_tasks_each_see_only_their_own_context_in_their_lines()
    {
        var logger = _harness.Logger();
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            using var user = MetaMockLogContext.BeginUserContext(i);
            using var job = MetaMockLogContext.BeginJobContext($"job-{i}", "t", $"run-{i}");
            logger.LogInformation("marker-{I}-a", i);
            await Task.Yield();
            logger.LogInformation("marker-{I}-b", i);
        })));

        var records = _harness.Console.Records;
        Assert.Equal(2000, records.Count);
        for (var i = 0; i < 1000; i++)
        {
            var expectedPrefix = $"[INFO] [user_id={i} job_id=job-{i} task=t run_id=run-{i}] marker-{i}-";
            Assert.Equal(2, records.Count(r => r.StartsWith(expectedPrefix, StringComparison.Ordinal)));
        }
    }
}
