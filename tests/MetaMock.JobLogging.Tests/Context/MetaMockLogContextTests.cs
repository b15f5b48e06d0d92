namespace MetaMock.JobLogging.Tests.Context;

public sealed class MetaMockLogContextTests : IDisposable
{
    public MetaMockLogContextTests() => MetaMockLogContext.ClearAllContext();

    public void Dispose() => MetaMockLogContext.ClearAllContext();

    [Fact]
    public void Set_and_get_user_context_round_trip()
    {
        MetaMockLogContext.SetUserContext("u-1");
        Assert.Equal("u-1", MetaMockLogContext.GetUserContext()!.UserId);
        MetaMockLogContext.SetUserContext(123);
        Assert.Equal("123", MetaMockLogContext.GetUserContext()!.UserId);
    }

    [Fact]
    public void Set_job_context_replaces_all_three_job_fields()
    {
        MetaMockLogContext.SetJobContext("job-1", "step-a", "run-1");
        MetaMockLogContext.SetJobContext("job-2");
        Assert.Equal(new JobContext("job-2"), MetaMockLogContext.GetJobContext());
        Assert.Null(MetaMockLogContext.GetJobContext()!.TaskName);
        Assert.Null(MetaMockLogContext.GetJobContext()!.TaskRunId);
    }

    [Fact]
    public void Setting_one_part_keeps_the_other()
    {
        MetaMockLogContext.SetUserContext(7);
        MetaMockLogContext.SetJobContext("job-1", "t");
        Assert.Equal("7", MetaMockLogContext.GetUserContext()!.UserId);
        MetaMockLogContext.SetUserContext(8);
        Assert.Equal("job-1", MetaMockLogContext.GetJobContext()!.JobId);
    }

    [Fact]
    public void Clear_user_keeps_job_and_clear_job_keeps_user()
    {
        MetaMockLogContext.SetUserContext(1);
        MetaMockLogContext.SetJobContext("job-1");
        MetaMockLogContext.ClearUserContext();
        Assert.Null(MetaMockLogContext.GetUserContext());
        Assert.Equal("job-1", MetaMockLogContext.GetJobContext()!.JobId);

        MetaMockLogContext.SetUserContext(1);
        MetaMockLogContext.ClearJobContext();
        Assert.Null(MetaMockLogContext.GetJobContext());
        Assert.Equal("1", MetaMockLogContext.GetUserContext()!.UserId);
    }

    [Fact]
    public void Clear_all_removes_every_field()
    {
        MetaMockLogContext.SetUserContext(1);
        MetaMockLogContext.SetJobContext("job-1", "t", "r");
        MetaMockLogContext.ClearAllContext();
        Assert.Null(MetaMockLogContext.GetUserContext());
        Assert.Null(MetaMockLogContext.GetJobContext());
        Assert.Empty(MetaMockLogContext.GetAllContext());
    }

    [Fact]
    public void Get_all_context_uses_the_spec_keys_and_only_set_fields()
    {
        MetaMockLogContext.SetUserContext(123);
        MetaMockLogContext.SetJobContext("abc123", "bulk_workflow");
        var all = MetaMockLogContext.GetAllContext();
        Assert.Equal(
            new Dictionary<string, object?> { ["user_id"] = "123", ["job_id"] = "abc123", ["task_name"] = "bulk_workflow" },
            all);

        MetaMockLogContext.SetJobContext("abc123", "bulk_workflow", "run-456");
        Assert.Equal("run-456", MetaMockLogContext.GetAllContext()["task_run_id"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Blank_ids_are_rejected_with_a_clear_message(string? id)
    {
        var user = Assert.Throws<ArgumentException>(() => MetaMockLogContext.SetUserContext(id!));
        Assert.Equal("userId", user.ParamName);
        Assert.Contains("user id must be a non-empty", user.Message, StringComparison.Ordinal);

        var job = Assert.Throws<ArgumentException>(() => MetaMockLogContext.SetJobContext(id!));
        Assert.Equal("jobId", job.ParamName);
        Assert.Contains("job id must be a non-empty", job.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => MetaMockLogContext.BeginJobContext(id!));
        Assert.Throws<ArgumentException>(() => MetaMockLogContext.BeginUserContext(id!));
        Assert.Null(MetaMockLogContext.GetJobContext());
    }

    [Fact]
    public void Begin_job_context_restores_the_previous_snapshot()
    {
        MetaMockLogContext.SetUserContext(1);
        MetaMockLogContext.SetJobContext("outer", "outer-task");
        using (MetaMockLogContext.BeginJobContext("inner", "inner-task", "r1"))
        {
            Assert.Equal("inner", MetaMockLogContext.GetJobContext()!.JobId);
            Assert.Equal("1", MetaMockLogContext.GetUserContext()!.UserId);
        }

        Assert.Equal(new JobContext("outer", "outer-task"), MetaMockLogContext.GetJobContext());
    }

    [Fact]
    public void Bookmarks_disposed_out_of_order_restore_the_state_each_one_saw()
    {
        var first = MetaMockLogContext.BeginUserContext(1);
        var second = MetaMockLogContext.BeginJobContext("job-2");
        var third = MetaMockLogContext.BeginUserContext(3);

        second.Dispose(); // back to what second saw: user 1, no job
        Assert.Equal("1", MetaMockLogContext.GetUserContext()!.UserId);
        Assert.Null(MetaMockLogContext.GetJobContext());

        third.Dispose(); // back to what third saw: user 1, job-2
        Assert.Equal("job-2", MetaMockLogContext.GetJobContext()!.JobId);

        first.Dispose(); // back to empty
        Assert.Empty(MetaMockLogContext.GetAllContext());
    }

    [Fact]
    public void Disposing_a_bookmark_twice_does_not_undo_later_changes()
    {
        var scope = MetaMockLogContext.BeginJobContext("job-1");
        scope.Dispose();
        MetaMockLogContext.SetJobContext("later");
        scope.Dispose();
        Assert.Equal("later", MetaMockLogContext.GetJobContext()!.JobId);
    }

    [Fact]
    public void Begin_context_overwrites_every_field_including_with_null()
    {
        MetaMockLogContext.SetUserContext(1);
        MetaMockLogContext.SetJobContext("stale", "stale-task", "stale-run");
        using (MetaMockLogContext.BeginContext(null, new JobContext("fresh")))
        {
            Assert.Null(MetaMockLogContext.GetUserContext());
            Assert.Equal(new JobContext("fresh"), MetaMockLogContext.GetJobContext());
        }

        Assert.Equal(new JobContext("stale", "stale-task", "stale-run"), MetaMockLogContext.GetJobContext());
    }
}
