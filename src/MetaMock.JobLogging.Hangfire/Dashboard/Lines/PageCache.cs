namespace MetaMock.JobLogging.Hangfire.Dashboard.Lines;

/// <summary>
/// Pages that cannot change any more (a later page follows them), kept up to a byte budget; the oldest entry goes
/// first. Reopening a long job, or several people reading it, then costs no CloudWatch call for its settled part.
/// </summary>
internal sealed class PageCache
{
    private readonly long _maxBytes;
    private readonly Dictionary<string, LinesPage> _pages = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private long _bytes;

    public PageCache(long maxBytes) => _maxBytes = maxBytes;

    public long Bytes
    {
        get
        {
            lock (_pages)
            {
                return _bytes;
            }
        }
    }

    public bool TryGet(string key, out LinesPage page)
    {
        lock (_pages)
        {
            return _pages.TryGetValue(key, out page!);
        }
    }

    public void Add(string key, LinesPage page)
    {
        var size = page.Bytes;
        if (size > _maxBytes)
        {
            return;
        }

        lock (_pages)
        {
            if (!_pages.TryAdd(key, page))
            {
                return;
            }

            _order.Enqueue(key);
            _bytes += size;
            while (_bytes > _maxBytes && _order.TryDequeue(out var oldest))
            {
                if (_pages.Remove(oldest, out var gone))
                {
                    _bytes -= gone.Bytes;
                }
            }
        }
    }
}
