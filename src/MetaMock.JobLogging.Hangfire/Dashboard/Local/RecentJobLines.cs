using System.Globalization;
using MetaMock.JobLogging.Hangfire.Dashboard.Lines;

namespace MetaMock.JobLogging.Hangfire.Dashboard.Local;

/// <summary>
/// Without CloudWatch: the latest lines of the most recently active jobs, logged by this process, bounded in both
/// directions (jobs and lines per job). Tokens are <c>p/{sequence}</c>: the panel polls them like CloudWatch's.
/// </summary>
internal sealed class RecentJobLines : ILineSource
{
    private const string TokenPrefix = "p/";

    private readonly int _maxJobs;
    private readonly int _maxLinesPerJob;
    private readonly int _pageLines;
    private readonly Dictionary<string, LinkedListNode<JobLines>> _jobs = new(StringComparer.Ordinal);
    private readonly LinkedList<JobLines> _recent = new();
    private long _sequence;

    public RecentJobLines(int maxJobs, int maxLinesPerJob, int pageLines)
    {
        _maxJobs = Math.Max(1, maxJobs);
        _maxLinesPerJob = Math.Max(1, maxLinesPerJob);
        _pageLines = Math.Max(1, pageLines);
    }

    public string Name => "process";

    public bool IsToken(string token) =>
        token.Length is > 2 and <= 22 && token.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && long.TryParse(token.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    public void Add(string jobId, PanelLine line)
    {
        lock (_jobs)
        {
            if (_jobs.TryGetValue(jobId, out var node))
            {
                _recent.Remove(node);
            }
            else
            {
                node = new LinkedListNode<JobLines>(new JobLines(jobId));
                _jobs.Add(jobId, node);
                if (_jobs.Count > _maxJobs && _recent.Last is { } oldest)
                {
                    _recent.RemoveLast();
                    _jobs.Remove(oldest.Value.JobId);
                }
            }

            _recent.AddFirst(node);
            var lines = node.Value.Lines;
            lines.Enqueue((++_sequence, line));
            if (lines.Count > _maxLinesPerJob)
            {
                lines.Dequeue();
            }
        }
    }

    public Task<LinesPage> ReadAsync(string jobId, LinesRequest request, CancellationToken cancellationToken)
    {
        lock (_jobs)
        {
            if (!_jobs.TryGetValue(jobId, out var node))
            {
                return Task.FromResult(LinesPage.Missing with { Next = TokenPrefix + "0" });
            }

            var after = request.From == LinesFrom.Token ? long.Parse(request.Token.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
            var all = node.Value.Lines.Where(l => l.Sequence > after).ToList();
            var page = request.From == LinesFrom.Latest ? all.TakeLast(_pageLines).ToList() : all.Take(_pageLines).ToList();
            var next = page.Count > 0 ? page[^1].Sequence : after;
            return Task.FromResult(new LinesPage(
                page.Select(l => l.Line).ToList(),
                TokenPrefix + next.ToString(CultureInfo.InvariantCulture),
                page.Count == all.Count || request.From == LinesFrom.Latest,
                true));
        }
    }

    private sealed record JobLines(string JobId)
    {
        public Queue<(long Sequence, PanelLine Line)> Lines { get; } = new();
    }
}
