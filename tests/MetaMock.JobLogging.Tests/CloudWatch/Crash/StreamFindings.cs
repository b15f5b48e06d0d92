using System.Globalization;
using System.Text.RegularExpressions;

namespace MetaMock.JobLogging.Tests.CloudWatch.Crash;

/// <summary>
/// What one job stream of the crash worker holds, judged against the last line index whose log call returned
/// (<see cref="Progress"/>, -1 for none). Lines are <c>crash-line={index} stream={stream}</c>, in text or JSON.
/// </summary>
internal sealed partial record StreamFindings(
    int Stream,
    long Progress,
    int Events,
    IReadOnlyList<long> Missing,
    IReadOnlyList<long> OutOfOrder,
    int Foreign,
    int OutsideWindow,
    IReadOnlyList<long> Duplicated,
    int MostCopies)
{
    public string Name => NameOf(Stream);

    /// <summary>Lines delivered more than once, counting each extra copy.</summary>
    public int ExtraCopies => Events - Foreign - UniqueLines;

    public int UniqueLines { get; init; }

    /// <summary>True when the duplicated indexes are one unbroken run: what re-sending one batch of this stream leaves.</summary>
    public bool DuplicatesAreOneRun => Duplicated.Count == 0 || Duplicated[^1] - Duplicated[0] + 1 == Duplicated.Count;

    /// <summary>
    /// Judges the events of a stream (as moto returns them, by timestamp) whose every line must carry a timestamp in
    /// [<paramref name="fromMs"/>, <paramref name="toMs"/>]. The worker logs a stream's lines one after another, so a line
    /// that was delivered proves every earlier line's call had returned: those count as required too, not only the ones
    /// up to the recorded progress.
    /// </summary>
    public static StreamFindings Judge(int stream, long progress, IReadOnlyList<(long Timestamp, string Message)> events, long fromMs, long toMs)
    {
        var copies = new Dictionary<long, int>();
        var firstSeen = new List<long>();
        var foreign = 0;
        var outside = 0;
        foreach (var (timestamp, message) in events)
        {
            var match = Line().Match(message);
            if (!match.Success || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) != stream)
            {
                foreign++;
                continue;
            }

            var index = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            outside += timestamp < fromMs || timestamp > toMs ? 1 : 0;
            copies[index] = copies.GetValueOrDefault(index) + 1;
            if (copies[index] == 1)
            {
                firstSeen.Add(index);
            }
        }

        var required = Math.Max(progress, firstSeen.Count == 0 ? -1 : firstSeen.Max());
        return new StreamFindings(
            stream,
            progress,
            events.Count,
            [.. Enumerable.Range(0, checked((int)(required + 1))).Select(i => (long)i).Where(i => !copies.ContainsKey(i))],
            [.. firstSeen.Zip(firstSeen.Skip(1)).Where(p => p.Second <= p.First).Select(p => p.Second)],
            foreign,
            outside,
            [.. copies.Where(c => c.Value > 1).Select(c => c.Key).Order()],
            copies.Count == 0 ? 0 : copies.Values.Max())
        {
            UniqueLines = copies.Count,
        };
    }

    /// <summary>The CloudWatch stream of the worker's stream number <paramref name="stream"/> (job id <c>crash-NNNN</c>).</summary>
    public static string NameOf(int stream) => $"jobs/crash-{stream.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>Indexes as compact ranges, e.g. <c>3..17, 20</c>, at most <paramref name="limit"/> ranges.</summary>
    public static string Ranges(IReadOnlyList<long> indexes, int limit = 4)
    {
        var ranges = new List<string>();
        var i = 0;
        for (; i < indexes.Count && ranges.Count < limit; i++)
        {
            var start = indexes[i];
            while (i + 1 < indexes.Count && indexes[i + 1] == indexes[i] + 1)
            {
                i++;
            }

            ranges.Add(start == indexes[i] ? $"{start}" : $"{start}..{indexes[i]}");
        }

        return string.Join(", ", ranges) + (i < indexes.Count ? ", ..." : string.Empty);
    }

    [GeneratedRegex(@"crash-line=(\d+) stream=(\d+)")]
    private static partial Regex Line();
}
