namespace MetaMock.JobLogging.Tests.Context;

public sealed class ContextFlowTests
{
    [Fact]
    public async Task Context_flows_across_await_and_into_task_run_children()
    {
        using var scope = MetaMockLogContext.BeginJobContext("flow-job", "step");
        await Task.Yield();
        Assert.Equal("flow-job", MetaMockLogContext.GetJobContext()!.JobId);
        var seenInChild = await Task.Run(async () =>
        {
            await Task.Delay(1);
            return MetaMockLogContext.GetJobContext()?.JobId;
        });
        Assert.Equal("flow-job", seenInChild);
    }

    [Fact]
    public async Task A_child_changing_its_context_does_not_change_the_parent()
    {
        using var scope = MetaMockLogContext.BeginJobContext("parent");
        await Task.Run(() => MetaMockLogContext.SetJobContext("child"));
        Assert.Equal("parent", MetaMockLogContext.GetJobContext()!.JobId);
    }

    [Fact]
    public async Task Concurrent_tasks_keep_their_own_contexts()
    {
        var mismatches = 0;
        var tasks = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            MetaMockLogContext.SetUserContext(i);
            MetaMockLogContext.SetJobContext($"job-{i}", "t", $"run-{i}");
            for (var step = 0; step < 5; step++)
            {
                await Task.Yield();
                var job = MetaMockLogContext.GetJobContext();
                if (job?.JobId != $"job-{i}" || job.TaskRunId != $"run-{i}" || MetaMockLogContext.GetUserContext()?.UserId != i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Threads_do_not_see_each_others_context()
    {
        string? seenByOther = "not run";
        using var scope = MetaMockLogContext.BeginJobContext("mine");
        var thread = new Thread(() => seenByOther = MetaMockLogContext.GetJobContext()?.JobId);
        using (ExecutionContext.SuppressFlow())
        {
            thread.Start();
        }

        thread.Join();
        Assert.Null(seenByOther);
    }
}
