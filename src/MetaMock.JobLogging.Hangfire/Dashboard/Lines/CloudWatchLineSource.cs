using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.CloudWatch.Wire.Reading;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>
/// The job's stream in CloudWatch Logs, read with the logger's credentials, endpoint and group. Every GetLogEvents call
/// is taken from the process-wide <see cref="CallBudget"/>; settled pages come from the <see cref="PageCache"/>; equal
/// questions in flight share one read.
/// </summary>
internal sealed class CloudWatchLineSource : ILineSource
{
    private readonly Func<CancellationToken, Task<LogStreamReader>> _connect;
    private readonly MetaMockLoggingOptions _logging;
    private readonly MetaMockJobLogsOptions _options;
    private readonly CallBudget _budget;
    private readonly PageCache _cache;
    private readonly SharedCalls _shared = new();
    private readonly object _connecting = new();
    private Task<LogStreamReader>? _reader;

    public CloudWatchLineSource(MetaMockLoggingOptions logging, MetaMockJobLogsOptions options, TimeProvider time, Func<CancellationToken, Task<LogStreamReader>> connect)
    {
        _logging = logging;
        _options = options;
        _connect = connect;
        _budget = new CallBudget(options.MaxCloudWatchCallsPerSecond, time);
        _cache = new PageCache(options.CacheBytes);
    }

    public string Name => "cloudwatch";

    public bool IsToken(string token) => TokenShape.IsCloudWatchToken(token);

    public Task<LinesPage> ReadAsync(string jobId, LinesRequest request, CancellationToken cancellationToken)
    {
        var address = LogReaderFactory.JobStream(_logging, jobId);
        var key = $"{address.Group}\n{address.Stream}\n{request.From}\n{request.Token}";
        return _cache.TryGet(key, out var cached)
            ? Task.FromResult(cached)
            : _shared.RunAsync(key, () => ReadAndCacheAsync(key, address, request, CancellationToken.None));
    }

    private async Task<LinesPage> ReadAndCacheAsync(string key, StreamAddress address, LinesRequest request, CancellationToken cancellationToken)
    {
        var page = await ReadFromCloudWatchAsync(address, request, cancellationToken).ConfigureAwait(false);
        // A page followed by another is settled; the last one may still grow, and a "latest" view moves on.
        if (page.Found && !page.AtEnd && request.From != LinesFrom.Latest)
        {
            _cache.Add(key, page);
        }

        return page;
    }

    private async Task<LinesPage> ReadFromCloudWatchAsync(StreamAddress address, LinesRequest request, CancellationToken cancellationToken)
    {
        var reader = await ReaderAsync(cancellationToken).ConfigureAwait(false);
        var start = request.From switch
        {
            LinesFrom.Latest => ReadStart.LatestEvents(_options.LatestLines),
            LinesFrom.Token => ReadStart.After(request.Token),
            _ => ReadStart.Head,
        };
        var lines = new List<PanelLine>();
        string? next = null;
        try
        {
            while (true)
            {
                // Refused before the first call, the browser waits and asks again; refused later, the answer is what was
                // read so far and the token after it, so every answer makes progress even when a read needs more calls
                // than one second's budget (each answer holds at most 1 MB, and an answer may be empty).
                if (!_budget.TryTake(out var retryAfter))
                {
                    return next is null ? throw new OverBudgetException(retryAfter) : new LinesPage(lines, next, false, true);
                }

                var page = await reader.ReadPageAsync(address, start, Math.Max(1, _options.PageLines - lines.Count), cancellationToken).ConfigureAwait(false);
                lines.AddRange(page.Events.Select(ToLine));
                // "Latest" is one page that ends at the stream's end; a full answer stops so the browser can offer "load more".
                if (page.AtEnd || request.From == LinesFrom.Latest || lines.Count >= _options.PageLines)
                {
                    return new LinesPage(lines, page.ForwardToken, page.AtEnd || request.From == LinesFrom.Latest, true);
                }

                next = page.ForwardToken;
                start = ReadStart.After(next);
            }
        }
        catch (CloudWatchLogsException missing) when (missing.ErrorType == CloudWatchErrors.ResourceNotFound)
        {
            return LinesPage.Missing;
        }
    }

    // One reader for the process, made on first use; a failed attempt (no credentials yet) is tried again next time.
    private Task<LogStreamReader> ReaderAsync(CancellationToken cancellationToken)
    {
        lock (_connecting)
        {
            if (_reader is null || _reader.IsFaulted || _reader.IsCanceled)
            {
                _reader = _connect(cancellationToken);
            }

            return _reader;
        }
    }

    private static PanelLine ToLine(OutputLogEvent item)
    {
        var parsed = StoredLine.Parse(item.Message);
        return new PanelLine(item.Timestamp, item.Message.TrimEnd('\r', '\n'), parsed.Level, parsed.Task, parsed.RunId);
    }
}
