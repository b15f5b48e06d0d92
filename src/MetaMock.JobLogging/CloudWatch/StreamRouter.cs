namespace MetaMock.JobLogging.CloudWatch;

/// <summary>
/// Decides each event's stream from the context snapshot it captured: <c>jobs/{job_id}</c> (in the job group, when
/// one is set) or the default <c>{service}/{hostname}/{date}</c> of the event's UTC date. Used by the background
/// loop only; names are cached, the cache bounded so that ever-new job ids cannot grow it without limit.
/// </summary>
internal sealed class StreamRouter
{
    // Matches the sender's cap of idle streams: a larger cache only holds names of jobs long finished.
    private const int MaxCachedJobNames = 1_000;

    private readonly string _group;
    private readonly string _jobGroup;
    private readonly string _service;
    private readonly string _host;
    private readonly Dictionary<string, string> _jobNames = new(StringComparer.Ordinal);
    private long _cachedDay = long.MinValue;
    private string _cachedDefault = string.Empty;

    public StreamRouter(string group, string? jobGroup, string service, string host)
    {
        _group = group;
        _jobGroup = jobGroup ?? group;
        _service = service;
        _host = host;
    }

    public static string DefaultServiceName() =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name?.ToLowerInvariant() ?? "app";

    /// <summary>The stream of an event with this context, logged at <paramref name="utcTicks"/>.</summary>
    public StreamAddress Route(LogContextSnapshot? context, long utcTicks)
    {
        if (context?.JobId is { } jobId)
        {
            return new StreamAddress(_jobGroup, JobStream(jobId));
        }

        var day = utcTicks / TimeSpan.TicksPerDay;
        if (day != _cachedDay)
        {
            _cachedDefault = StreamNames.ForDefault(_service, _host, new DateTimeOffset(utcTicks, TimeSpan.Zero));
            _cachedDay = day;
        }

        return new StreamAddress(_group, _cachedDefault);
    }

    private string JobStream(string jobId)
    {
        if (_jobNames.TryGetValue(jobId, out var name))
        {
            return name;
        }

        if (_jobNames.Count >= MaxCachedJobNames)
        {
            _jobNames.Clear();
        }

        name = StreamNames.ForJob(jobId);
        _jobNames[jobId] = name;
        return name;
    }
}
