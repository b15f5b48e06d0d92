namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>How big each scenario is: <c>--quick</c> (a smoke run, well under a minute in all) or full.</summary>
internal sealed record DeliveryScale(bool Quick, long SmallEvents, long LargeEvents, int[] JobCounts, TimeSpan LatencyDuration, int FleetSeconds)
{
    public static DeliveryScale For(bool quick) => quick
        ? new(true, SmallEvents: 200_000, LargeEvents: 40_000, JobCounts: [1_000, 3_000, 10_000], LatencyDuration: TimeSpan.FromSeconds(5), FleetSeconds: 10)
        : new(false, SmallEvents: 3_000_000, LargeEvents: 400_000, JobCounts: [1_000, 10_000, 100_000], LatencyDuration: TimeSpan.FromSeconds(30), FleetSeconds: 60);
}
