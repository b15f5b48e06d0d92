namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>
/// The sender's one backoff rule, for a failed round and for a stream whose creation was throttled alike: one second,
/// doubling to thirty, so an outage or a busy account is retried often at first and never hammered.
/// </summary>
internal static class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    /// <summary>The wait after <paramref name="current"/> (zero: no failure yet).</summary>
    public static TimeSpan Next(TimeSpan current) =>
        current == TimeSpan.Zero ? First : TimeSpan.FromTicks(Math.Min(Max.Ticks, current.Ticks * 2));
}
