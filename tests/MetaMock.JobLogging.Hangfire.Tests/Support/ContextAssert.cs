using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>Checks a captured line's context twice: the ambient MetaMock context and the ILogger scope.</summary>
internal static class ContextAssert
{
    public static void Carries(CapturedLine line, string? userId, string jobId, string taskName, string taskRunId)
    {
        Assert.Equal(userId, line.User?.UserId);
        Assert.Equal(jobId, line.Job?.JobId);
        Assert.Equal(taskName, line.Job?.TaskName);
        Assert.Equal(taskRunId, line.Job?.TaskRunId);

        // Exactly one job scope: a scope left open by an earlier job would show up as a second job_id.
        Assert.Single(line.ScopeProperties, p => p.Key == "job_id");
        Assert.Equal(userId, line.Scope("user_id"));
        Assert.Equal(jobId, line.Scope("job_id"));
        Assert.Equal(taskName, line.Scope("task_name"));
        Assert.Equal(taskRunId, line.Scope("task_run_id"));
    }

    public static void CarriesNothing(CapturedLine line)
    {
        Assert.Null(line.User);
        Assert.Null(line.Job);
        Assert.DoesNotContain(line.ScopeProperties, p => p.Key == "job_id");
    }
}
