using System.Globalization;
using Hangfire.Server;
using Hangfire.States;

namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>
/// The user id and job id of the code that enqueued a job, stored with it as ONE job parameter,
/// <c>{length of the user id}:{user id}{job id}</c> (<c>2:42wf-7</c>; <c>0:wf-7</c> without a user, <c>2:42</c> without a
/// job). With the user id's length in front, either id may hold any character, ':' included, with no escaping of our own.
/// </summary>
/// <remarks>
/// One parameter, not two: Hangfire runs Newtonsoft's serializer once per parameter at enqueue (1.3 KB allocated each,
/// measured with the JobBench program), and the storage keeps and copies every parameter on each fetch and state
/// change. Jobs stored in the earlier format (one parameter per id) are still read: jobs outlive a deployment.
/// </remarks>
internal readonly record struct CapturedIds(string? UserId, string? JobId)
{
    private const char Separator = ':';

    public bool IsEmpty => UserId is null && JobId is null;

    /// <summary>The stored form; only called when at least one id is set.</summary>
    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"{UserId?.Length ?? 0}{Separator}{UserId}{JobId}");

    /// <summary>What <see cref="Format"/> wrote; a value it could not have written reads as nothing captured.</summary>
    public static CapturedIds Parse(ReadOnlySpan<char> stored)
    {
        var separator = stored.IndexOf(Separator);
        if (separator <= 0
            || !int.TryParse(stored[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var userLength)
            || userLength > stored.Length - separator - 1)
        {
            return default;
        }

        var ids = stored[(separator + 1)..];
        return new CapturedIds(TextOrNull(ids[..userLength]), TextOrNull(ids[userLength..]));
    }

    /// <summary>At perform time, from the snapshot the worker fetched (no JSON deserializer on the common path).</summary>
    public static CapturedIds Read(PerformContext context) =>
        StoredParameter.TextMemory(context, JobParameters.CapturedContext) is { } stored
            ? Parse(stored.Span)
            : new CapturedIds(
                StoredParameter.Text(context, JobParameters.EarlierCapturedUserId),
                StoredParameter.Text(context, JobParameters.EarlierCapturedJobId));

    /// <summary>In a state change (a retry notice: rare), through Hangfire's own reader.</summary>
    public static CapturedIds Read(ApplyStateContext context) =>
        context.GetJobParameter<string?>(JobParameters.CapturedContext, allowStale: true) is { } stored
            ? Parse(stored)
            : new CapturedIds(
                context.GetJobParameter<string?>(JobParameters.EarlierCapturedUserId, allowStale: true),
                context.GetJobParameter<string?>(JobParameters.EarlierCapturedJobId, allowStale: true));

    private static string? TextOrNull(ReadOnlySpan<char> text) => text.IsEmpty ? null : text.ToString();
}
