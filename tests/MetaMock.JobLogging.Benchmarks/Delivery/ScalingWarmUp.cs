using System.Runtime;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B4's warm mode: before the measured jobs, every child runs the same small load through the whole path (logging,
/// draining, formatting, PutLogEvents over HTTP), so the runtime compiles and tiers up what a long run would, then gives
/// back what it freed. The load stays small (never more than one slice of events in flight) and is the same in every
/// child, so it cannot hide the measured run's own events in flight.
/// </summary>
internal static class ScalingWarmUp
{
    public const int Jobs = 2_000;
    public const int JobsPerSlice = 100;

    /// <summary>The warm-up's events: 20,000, in slices of 1,000, each delivered before the next is logged.</summary>
    public const long Events = (long)Jobs * EventProducer.LinesPerBlock;

    // Job ids of their own, far from the measured run's (0 up), so its streams start as new as in a cold child.
    private const int FirstJob = 900_000;

    public static async Task RunAsync(LoggingUnderTest logging)
    {
        for (var slice = 0; slice < Jobs / JobsPerSlice; slice++)
        {
            var first = (long)slice * JobsPerSlice * EventProducer.LinesPerBlock;
            EventProducer.Produce(logging.Logger, JobsPerSlice, first, JobsPerSlice * EventProducer.LinesPerBlock, "warm up", FirstJob + (slice * JobsPerSlice));
            await logging.Diagnostics.FlushAsync();
        }

        while (logging.Diagnostics.EventsSent + logging.Diagnostics.EventsDropped < Events)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>A full compacting collection, the large-object heap included, so freed memory goes back to the OS.</summary>
    public static void GiveBackFreeMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>
    /// Resets the kernel's peak resident set (Linux: 5 to <c>/proc/self/clear_refs</c>), so the measured run's peak working
    /// set is its own; false where that cannot be done (then the sampled peak stands in).
    /// </summary>
    public static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
