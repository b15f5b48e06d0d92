namespace MetaMock.JobLogging.Tests.CloudWatch.Crash;

/// <summary>The crash test's judge of one stream, on made-up streams: each rule it enforces can fail.</summary>
public sealed class StreamFindingsTests
{
    private const long From = 1_000;
    private const long To = 2_000;

    [Fact]
    public void A_stream_holding_every_line_in_order_within_the_workers_life_breaks_no_rule()
    {
        var findings = Judge(progress: 3, Lines(0, 1, 2, 3));
        Assert.Empty(findings.Missing);
        Assert.Empty(findings.OutOfOrder);
        Assert.Equal((0, 0, 0, 4), (findings.Foreign, findings.OutsideWindow, findings.ExtraCopies, findings.UniqueLines));
    }

    [Fact]
    public void Lines_up_to_the_recorded_progress_and_below_a_delivered_line_are_required()
    {
        Assert.Equal([2, 3], Judge(progress: 3, Lines(0, 1)).Missing);
        Assert.Equal([1, 2], Judge(progress: 0, Lines(0, 3)).Missing); // 3 arrived, so the calls for 1 and 2 had returned
        Assert.Empty(Judge(progress: -1, []).Missing);
    }

    [Fact]
    public void A_line_that_goes_back_is_out_of_order_once_duplicates_are_removed()
    {
        Assert.Empty(Judge(progress: 3, Lines(0, 1, 2, 1, 2, 3)).OutOfOrder); // a batch sent again: duplicates, in order
        Assert.Equal([1], Judge(progress: 2, Lines(0, 2, 1)).OutOfOrder);
    }

    [Fact]
    public void Duplicates_are_one_run_only_when_one_batch_was_sent_again()
    {
        var one = Judge(progress: 5, Lines(0, 1, 2, 3, 2, 3, 4, 5));
        Assert.Equal((2, true, 2), (one.ExtraCopies, one.DuplicatesAreOneRun, one.MostCopies));
        var two = Judge(progress: 5, Lines(0, 1, 0, 2, 3, 4, 3, 5));
        Assert.False(two.DuplicatesAreOneRun);
        Assert.Equal(3, Judge(progress: 1, Lines(0, 1, 1, 1)).MostCopies);
    }

    [Fact]
    public void Timestamps_outside_the_workers_life_and_lines_of_another_stream_are_counted()
    {
        var findings = StreamFindings.Judge(7, 1, [(From - 1, Line(0, 7)), (To + 1, Line(1, 7)), (From, Line(2, 8)), (From, "noise")], From, To);
        Assert.Equal((2, 2), (findings.OutsideWindow, findings.Foreign));
    }

    [Fact]
    public void Ranges_are_compact_and_say_when_they_are_cut()
    {
        Assert.Equal("0..2, 5, 7..8", StreamFindings.Ranges([0, 1, 2, 5, 7, 8]));
        Assert.Equal("0, 2, ...", StreamFindings.Ranges([0, 2, 4], limit: 2));
    }

    private static StreamFindings Judge(long progress, IReadOnlyList<(long, string)> events) => StreamFindings.Judge(7, progress, events, From, To);

    private static List<(long, string)> Lines(params long[] indexes) => [.. indexes.Select(i => (From + i, Line(i, 7)))];

    // The text line and the JSON line both carry the message; the judge looks only for it.
    private static string Line(long index, int stream) => index % 2 == 0
        ? $"{{\"level\":\"INFO\",\"message\":\"crash-line={index} stream={stream}\",\"Index\":{index}}}"
        : $"2026-01-01 00:00:00,000 INFO CrashWorker crash-line={index} stream={stream}";
}
