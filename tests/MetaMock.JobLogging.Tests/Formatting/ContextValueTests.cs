using MetaMock.JobLogging.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.Formatting;

public sealed class ContextValueTests : IDisposable
{
    private readonly LoggingHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private string LineFor(string jobId, string? taskName = null)
    {
        using (MetaMockLogContext.BeginContext(null, new JobContext(jobId, taskName)))
        {
            _harness.Logger().LogInformation("m");
        }

        return _harness.Console.Text;
    }

    [Theory]
    [InlineData("bulk-abc123")]
    [InlineData("a.b_c:d/e@f-9")]
    [InlineData("550e8400-e29b-41d4-a716-446655440000")]
    public void Plain_values_are_printed_bare(string id) =>
        Assert.Equal($"[INFO] [job_id={id}] m{Environment.NewLine}", LineFor(id));

    [Theory]
    [InlineData("has space", "\"has space\"")]
    [InlineData("a]b", "\"a]b\"")]
    [InlineData("k=v", "\"k=v\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("cr\rlf", "\"cr\\rlf\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("ünïcode", "\"ünïcode\"")]
    public void Unsafe_values_are_json_quoted(string id, string expected) =>
        Assert.Equal($"[INFO] [job_id={expected}] m{Environment.NewLine}", LineFor(id));

    [Fact]
    public void A_value_cannot_forge_a_second_record_or_a_second_field()
    {
        var text = LineFor("x] m\n[ERROR] [job_id=forged", "t user_id=0");
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            $"[INFO] [job_id=\"x] m\\n[ERROR] [job_id=forged\" task=\"t user_id=0\"] m{Environment.NewLine}",
            text);
    }

    [Fact]
    public void An_empty_task_name_is_printed_quoted_rather_than_dropped() =>
        Assert.Equal($"[INFO] [job_id=j task=\"\"] m{Environment.NewLine}", LineFor("j", string.Empty));

    [Fact]
    public void Unicode_line_separators_are_escaped() =>
        Assert.DoesNotContain('\u2028', LineFor("a\u2028b"));

    [Fact]
    public void Quoted_and_bare_values_mix_in_one_prefix_with_single_spaces_between_fields()
    {
        using (MetaMockLogContext.BeginContext(new UserContext("a b"), new JobContext("j", "t]x", "r-1")))
        {
            _harness.Logger().LogInformation("m");
        }

        Assert.Equal($"[INFO] [user_id=\"a b\" job_id=j task=\"t]x\" run_id=r-1] m{Environment.NewLine}", _harness.Console.Text);
    }
}
