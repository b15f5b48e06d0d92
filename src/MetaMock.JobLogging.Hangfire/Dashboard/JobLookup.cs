using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using MetaMock.JobLogging.Hangfire.Identity;

namespace MetaMock.JobLogging.Hangfire.Dashboard;

/// <summary>
/// Finds a job's stream on the server from its Hangfire id alone, with the filter's own rules (<see cref="JobPlan"/>:
/// the job-id argument, else the id captured at enqueue, else the Hangfire id), read from the stored job and its
/// parameters. The browser never names a group or a stream.
/// </summary>
internal sealed class JobLookup
{
    private readonly Func<JobSettings> _defaults;
    private readonly TimeSpan _liveAfter;
    private readonly TimeProvider _time;
    private PlansFor? _plans;

    // The filter's defaults are read at each lookup: the panel may be set up before UseMetaMockJobContext registers them.
    public JobLookup(Func<JobSettings> defaults, TimeSpan liveAfter, TimeProvider time)
    {
        _defaults = defaults;
        _liveAfter = liveAfter;
        _time = time;
    }

    /// <summary>The filter's defaults as registered with <c>UseMetaMockJobContext</c>, or none.</summary>
    public static JobSettings RegisteredDefaults() =>
        GlobalJobFilters.Filters.Select(f => f.Instance).OfType<Filters.MetaMockJobContextFilter>().FirstOrDefault()?.Defaults ?? JobSettings.None;

    public JobView? Find(JobStorage storage, string hangfireId)
    {
        var details = storage.GetMonitoringApi().JobDetails(hangfireId);
        if (details is null)
        {
            return null;
        }

        var parameters = details.Properties ?? new Dictionary<string, string>();
        var retryCount = Read<int>(parameters, JobParameters.RetryCount);
        var captured = Read<string>(parameters, JobParameters.CapturedContext) is { } stored
            ? CapturedIds.Parse(stored)
            : new CapturedIds(Read<string>(parameters, JobParameters.EarlierCapturedUserId), Read<string>(parameters, JobParameters.EarlierCapturedJobId));
        var jobId = details.Job is { } job && Plans().TryFor(job, out var plan)
            ? plan.Identify(job, hangfireId, retryCount, captured).Job.JobId
            : captured.JobId ?? hangfireId;

        var last = details.History?.OrderByDescending(h => h.CreatedAt).FirstOrDefault();
        var resting = last is not null && (last.StateName == SucceededState.StateName || last.StateName == FailedState.StateName || last.StateName == DeletedState.StateName);
        var changed = last is null ? DateTime.MinValue : DateTime.SpecifyKind(last.CreatedAt, DateTimeKind.Utc);
        var live = !resting || _time.GetUtcNow().UtcDateTime - changed < _liveAfter;
        return new JobView(hangfireId, jobId, RunId.For(hangfireId, retryCount), live);
    }

    // The plans made for the defaults in force; made anew when other defaults are registered.
    private JobPlanCache Plans()
    {
        var defaults = _defaults();
        var current = Volatile.Read(ref _plans);
        if (current is { } known && known.Defaults == defaults)
        {
            return known.Plans;
        }

        var made = new JobPlanCache(defaults);
        Volatile.Write(ref _plans, new PlansFor(defaults, made));
        return made;
    }

    // Parameters are stored as JSON; Hangfire's own deserializer reads them, as the filter's GetJobParameter does.
    private static T? Read<T>(IDictionary<string, string> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out var raw) || string.IsNullOrEmpty(raw))
        {
            return default;
        }

        try
        {
            return SerializationHelper.Deserialize<T>(raw, SerializationOption.User);
        }
        catch (Exception error) when (error is Newtonsoft.Json.JsonException or FormatException)
        {
            return typeof(T) == typeof(string) ? (T)(object)raw : default;
        }
    }

    private sealed record PlansFor(JobSettings Defaults, JobPlanCache Plans);
}
