using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Tests.CloudWatch.Crash;

/// <summary>
/// Every job stream of a crash run read back from moto (parallel reads, a small cap: moto is one Python process on a
/// machine of two cores) and judged; <see cref="Problems"/> says what breaks the rules, <see cref="Summary"/> the figures.
/// </summary>
internal sealed class StreamAudit
{
    /// <summary>
    /// The most events one PutLogEvents call carries. The bound on duplicates: a stream's re-sent lines must be one unbroken
    /// run of at most this many, each delivered at most twice (see <see cref="Problems"/>).
    /// </summary>
    public const int OneBatch = 10_000;

    private const int ReadsInParallel = 6;
    private const int Examples = 3;

    private readonly IReadOnlyList<StreamFindings> _streams;

    private StreamAudit(IReadOnlyList<StreamFindings> streams) => _streams = streams;

    public int ExtraCopies => _streams.Sum(s => s.ExtraCopies);

    public static async Task<StreamAudit> ReadAsync(MotoLogsReader reader, string group, IReadOnlyList<long> progress, DateTimeOffset from, DateTimeOffset to)
    {
        var findings = new StreamFindings[progress.Count];
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds() + 1);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, progress.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadsInParallel },
            async (stream, _) => findings[stream] = StreamFindings.Judge(
                stream, progress[stream], await reader.EventsAsync(group, StreamFindings.NameOf(stream)), fromMs, toMs));
        return new StreamAudit(findings);
    }

    public string Summary
    {
        get
        {
            var returned = _streams.Sum(s => s.Progress + 1);
            var withCopies = _streams.Where(s => s.ExtraCopies > 0).ToList();
            return $"{_streams.Count} streams; {returned} lines whose log call returned (recorded progress); " +
                $"{_streams.Sum(s => s.Events)} events delivered, {_streams.Sum(s => s.UniqueLines)} distinct lines; " +
                $"missing {_streams.Sum(s => s.Missing.Count)}; out of order {_streams.Sum(s => s.OutOfOrder.Count)}; " +
                $"timestamps outside the worker's life {_streams.Sum(s => s.OutsideWindow)}; foreign {_streams.Sum(s => s.Foreign)}; " +
                $"duplicates {ExtraCopies} in {withCopies.Count} streams (most in one stream {(withCopies.Count == 0 ? 0 : withCopies.Max(s => s.ExtraCopies))}, " +
                $"most copies of one line {(_streams.Count == 0 ? 0 : _streams.Max(s => s.MostCopies))})";
        }
    }

    /// <summary>One sentence per rule broken, with a few streams as examples; empty when every rule holds.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            Add(problems, s => s.Missing.Count > 0, s => s.Missing.Count, "missing: lines whose log call had returned (recorded progress, or an earlier line of a stream where a later one arrived)", s => $"lacks {StreamFindings.Ranges(s.Missing)} (progress {s.Progress})");
            Add(problems, s => s.OutOfOrder.Count > 0, s => s.OutOfOrder.Count, "out of order after duplicates are removed", s => $"goes back to {StreamFindings.Ranges(s.OutOfOrder)}");
            Add(problems, s => s.OutsideWindow > 0, s => s.OutsideWindow, "timestamped outside the worker's life (not the time of the call)", s => $"{s.OutsideWindow} of {s.Events}");
            Add(problems, s => s.Foreign > 0, s => s.Foreign, "foreign: not a line of this stream", s => $"{s.Foreign} of {s.Events}");
            Add(problems, s => !s.DuplicatesAreOneRun || s.MostCopies > 2 || s.Duplicated.Count > OneBatch, s => s.ExtraCopies, $"duplicated beyond one batch (one unbroken run of at most {OneBatch} lines, each at most twice)", s => $"has {StreamFindings.Ranges(s.Duplicated)} again, up to {s.MostCopies} copies");
            return problems;
        }
    }

    private void Add(List<string> problems, Func<StreamFindings, bool> broken, Func<StreamFindings, int> count, string what, Func<StreamFindings, string> example)
    {
        var streams = _streams.Where(broken).ToList();
        if (streams.Count > 0)
        {
            var examples = string.Join("; ", streams.Take(Examples).Select(s => $"{s.Name} {example(s)}"));
            problems.Add($"{streams.Sum(count)} lines {what}, in {streams.Count} streams, e.g. {examples}");
        }
    }
}
