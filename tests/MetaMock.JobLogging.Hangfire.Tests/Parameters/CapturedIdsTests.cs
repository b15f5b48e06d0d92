using Hangfire.Common;
using MetaMock.JobLogging.Hangfire.Identity;
using MetaMock.JobLogging.Hangfire.Tests.Support;

namespace MetaMock.JobLogging.Hangfire.Tests.Parameters;

/// <summary>The one stored parameter that carries the enqueuer's user id and job id.</summary>
public sealed class CapturedIdsTests : IDisposable
{
    private readonly SnapshotPerform _perform = new();

    public static TheoryData<string?, string?> Ids => new()
    {
        { "42", "wf-7" },
        { null, "wf-7" },
        { "42", null },
        { "12:34", "5:6" },
        { "1", "0:" },
        { "with \"quotes\"", "back\\slash" },
        { "ünïcödé 日本 🚀", "tab\there" },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_stored_form_reads_back_as_the_ids_that_were_captured(string? userId, string? jobId)
    {
        var stored = new CapturedIds(userId, jobId).Format();

        Assert.Equal(new CapturedIds(userId, jobId), CapturedIds.Parse(stored));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_ids_survive_Hangfires_serializer_and_the_snapshot_reader(string? userId, string? jobId)
    {
        var context = _perform.WithStored(JobParameters.CapturedContext, new CapturedIds(userId, jobId).Format());

        Assert.Equal(new CapturedIds(userId, jobId), CapturedIds.Read(context));
    }

    [Fact]
    public void A_job_stored_by_the_earlier_format_reads_its_two_parameters()
    {
        var context = _perform.With(new Dictionary<string, string>
        {
            [JobParameters.EarlierCapturedUserId] = SerializationHelper.Serialize("user-1", SerializationOption.User),
            [JobParameters.EarlierCapturedJobId] = SerializationHelper.Serialize("wf-1", SerializationOption.User),
        });

        Assert.Equal(new CapturedIds("user-1", "wf-1"), CapturedIds.Read(context));
    }

    [Fact]
    public void A_job_with_nothing_captured_reads_as_empty()
    {
        Assert.True(CapturedIds.Read(_perform.With([])).IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("wf-7")]
    [InlineData(":42")]
    [InlineData("-1:42")]
    [InlineData("9:42")]
    [InlineData("x:42")]
    [InlineData("2,x:42")]
    [InlineData("2,-1:42")]
    public void A_value_the_format_cannot_have_written_reads_as_nothing_captured(string stored)
    {
        var parsed = CapturedIds.Parse(stored);
        Assert.True(parsed.IsEmpty);
        Assert.Null(parsed.RetryCount);
    }

    [Theory]
    [InlineData("42", "wf-7", 0)]
    [InlineData(null, null, 3)]
    [InlineData("1,2", "3:4", 12)]
    public void The_retry_count_travels_with_the_ids(string? userId, string? jobId, int retryCount)
    {
        var stored = new CapturedIds(userId, jobId).ForRetry(retryCount).Format();

        Assert.Equal(new CapturedIds(userId, jobId, retryCount), CapturedIds.Parse(stored));
    }

    [Fact]
    public void The_form_without_a_retry_count_reads_its_ids_and_leaves_the_count_unknown()
    {
        Assert.Equal(new CapturedIds("42", "wf-7", null), CapturedIds.Parse("2:42wf-7"));
    }

    public void Dispose() => _perform.Dispose();
}
