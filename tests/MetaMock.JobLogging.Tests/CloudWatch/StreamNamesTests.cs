using MetaMock.JobLogging.CloudWatch;

namespace MetaMock.JobLogging.Tests.CloudWatch;

public sealed class StreamNamesTests
{
    [Fact]
    public void A_plain_job_id_becomes_its_own_jobs_stream() =>
        Assert.Equal("jobs/bulk-abc123", StreamNames.ForJob("bulk-abc123"));

    [Fact]
    public void Job_ids_with_different_lone_surrogates_get_distinct_valid_names_and_a_valid_id_keeps_its_name()
    {
        var names = new[] { "job\uD800", "job\uD801", "job\uDC00", "\uD800job" }.Select(StreamNames.ForJob).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.True(Safety.Hostile.IsValidUtf8(name), name));
        Assert.StartsWith("jobs/job\uFFFD~", names[0], StringComparison.Ordinal);
        Assert.Equal("jobs/job\uD83D\uDE00", StreamNames.ForJob("job\uD83D\uDE00"));
    }

    [Theory]
    [InlineData("a:b*c")]
    [InlineData("../x")]
    [InlineData("  padded  ")]
    [InlineData("tab\there\nnewline")]
    [InlineData("\u0001\u0002")]
    [InlineData("")]
    public void A_hostile_job_id_gives_a_valid_name_inside_the_jobs_prefix(string jobId)
    {
        var name = StreamNames.ForJob(jobId);

        Assert.StartsWith("jobs/", name, StringComparison.Ordinal);
        Assert.Equal(1, name.Count(c => c == '/'));
        Assert.DoesNotContain(':', name);
        Assert.DoesNotContain('*', name);
        Assert.DoesNotContain(name, char.IsControl);
        Assert.InRange(name.Length, 6, 512);
    }

    [Fact]
    public void Ids_that_clean_to_the_same_text_keep_distinct_streams() =>
        Assert.Equal(3, new[] { "a:b", "a*b", "a_b" }.Select(StreamNames.ForJob).Distinct().Count());

    [Fact]
    public void A_ten_thousand_character_id_is_shortened_to_512_with_a_stable_distinct_suffix()
    {
        var id = new string('x', 10_000);
        var other = new string('x', 9_999) + "y";

        var name = StreamNames.ForJob(id);

        Assert.Equal(512, name.Length);
        Assert.Equal(name, StreamNames.ForJob(id));
        Assert.NotEqual(name, StreamNames.ForJob(other));
    }

    [Fact]
    public void A_long_id_of_emoji_is_never_cut_inside_a_surrogate_pair()
    {
        var name = StreamNames.ForJob(string.Concat(Enumerable.Repeat("🚀", 600)));

        Assert.True(name.Length <= 512);
        Assert.Equal(name, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void The_default_stream_is_service_host_and_the_events_UTC_date()
    {
        var lateEvening = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-5)); // 04:30 UTC on March 2nd

        Assert.Equal("worker/host-1/2026-03-02", StreamNames.ForDefault("worker", "host-1", lateEvening));
    }
}
