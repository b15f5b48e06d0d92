using System.Globalization;
using Hangfire.Server;
using Hangfire.States;

namespace MetaMock.JobLogging.Hangfire.Identity;

/// <summary>
/// The user id and job id of the code that enqueued a job, and the retry count of the attempt that runs next, stored
/// with it as ONE job parameter, <c>{length of the user id},{retry count}:{user id}{job id}</c> (<c>2,0:42wf-7</c>;
/// <c>0,1:wf-7</c> without a user, on the first retry). With the user id's length in front, either id may hold any
/// character, ':' included, with no escaping of our own. The form without the retry count (<c>2:42wf-7</c>) is still read.
/// </summary>
/// <remarks>
/// One parameter, read once per attempt: a storage without a parameters snapshot (Hangfire.PostgreSql) answers each
/// parameter read with a query, so the retry count rides along instead of costing a read of Hangfire's own
/// <c>RetryCount</c>. It is written at enqueue (ids and 0) and by the retry notice (the next attempt's count), which
/// already reads <c>RetryCount</c> on that rare path. Jobs stored in the earlier formats (without the count, or one
/// parameter per id) are still read: jobs outlive a deployment.
/// </remarks>
internal readonly record struct CapturedIds(string? UserId, string? JobId, int? RetryCount = null)
{
    private const char Separator = ':';
    private const char CountSeparator = ',';

    public bool IsEmpty => UserId is null && JobId is null;

    /// <summary>The same ids with the retry count of the attempt that runs next.</summary>
    public CapturedIds ForRetry(int retryCount) => this with { RetryCount = retryCount };

    /// <summary>The stored form; the retry count is left out only when it is unknown.</summary>
    public string Format() => RetryCount is { } count
        ? string.Create(CultureInfo.InvariantCulture, $"{UserId?.Length ?? 0}{CountSeparator}{count}{Separator}{UserId}{JobId}")
        : string.Create(CultureInfo.InvariantCulture, $"{UserId?.Length ?? 0}{Separator}{UserId}{JobId}");

    /// <summary>What <see cref="Format"/> wrote; a value it could not have written reads as nothing captured.</summary>
    public static CapturedIds Parse(ReadOnlySpan<char> stored)
    {
        var separator = stored.IndexOf(Separator);
        if (separator <= 0)
        {
            return default;
        }

        var head = stored[..separator];
        var comma = head.IndexOf(CountSeparator);
        int? retryCount = null;
        if (comma >= 0)
        {
            if (!int.TryParse(head[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return default;
            }

            retryCount = count;
            head = head[..comma];
        }

        if (!int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var userLength)
            || userLength > stored.Length - separator - 1)
        {
            return default;
        }

        var ids = stored[(separator + 1)..];
        return new CapturedIds(TextOrNull(ids[..userLength]), TextOrNull(ids[userLength..]), retryCount);
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
