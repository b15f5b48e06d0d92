using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.Tests.Formatting;

public sealed class StoredLineTests
{
    [Fact]
    public void A_text_line_gives_its_level_task_and_run_even_when_a_value_is_quoted()
    {
        var prefix = ContextPrefix.Build(new LogContextSnapshot(new UserContext("42"), new JobContext("wf 7", "gen ]images", "run=ü-1")));

        var line = StoredLine.Parse("[WARNING] " + prefix + "retrying task=fake run_id=fake\n");

        Assert.Equal(new StoredLine("WARNING", "gen ]images", "run=ü-1"), line);
    }

    [Fact]
    public void A_json_line_gives_its_level_task_and_run() =>
        Assert.Equal(
            new StoredLine("ERROR", "notify", "9-r1"),
            StoredLine.Parse("{\"timestamp\":\"t\",\"level\":\"ERROR\",\"message\":\"x\",\"task_name\":\"notify\",\"task_run_id\":\"9-r1\"}"));

    [Theory]
    [InlineData("plain text from somewhere else")]
    [InlineData("{not json")]
    [InlineData("[] empty")]
    public void A_foreign_line_has_no_level_or_context(string message) => Assert.Equal(default, StoredLine.Parse(message));

    [Fact]
    public void A_line_without_context_keeps_its_level() => Assert.Equal(new StoredLine("INFO", null, null), StoredLine.Parse("[INFO] started"));
}
