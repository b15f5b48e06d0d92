using System.Text.Json;
using MetaMock.JobLogging.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Context;

public sealed class MetaMockContextScopeStateTests
{
    [Fact]
    public void The_four_fields_are_pairs_under_the_spec_keys_with_a_missing_user_as_null()
    {
        var state = new MetaMockContextScopeState(null, new JobContext("job-1", "step", "run-1"));
        Assert.Equal(
            [new("user_id", null), new("job_id", "job-1"), new("task_name", "step"), new("task_run_id", "run-1")],
            state.ToList());
        Assert.Equal("job_id=job-1 task_name=step task_run_id=run-1", state.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => state[4]);
    }

    [Fact]
    public void As_a_scope_its_pairs_become_json_properties()
    {
        using var harness = new LoggingHarness(configure: o => o.Format = LogFormat.Json);
        var logger = harness.Logger();
        using (logger.BeginScope(new MetaMockContextScopeState(new UserContext("7"), new JobContext("job-9", "t", "r"))))
        {
            logger.LogInformation("inside");
        }

        var json = JsonDocument.Parse(Assert.Single(harness.Console.Records)).RootElement;
        Assert.Equal("7", json.GetProperty("user_id").GetString());
        Assert.Equal("job-9", json.GetProperty("job_id").GetString());
        Assert.Equal("r", json.GetProperty("task_run_id").GetString());
    }
}
