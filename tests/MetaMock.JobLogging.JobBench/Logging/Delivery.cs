using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.JobBench.Logging;

/// <summary>Waits until the provider has delivered every line written so far, so its background work is measured too.</summary>
internal static class Delivery
{
    /// <remarks>
    /// Woken by the endpoint rather than polling: a 10 ms poll during the up to one flush interval of waiting cost
    /// about as much CPU as the sender's own work on a round's lines, all of it billed to the variant that logs.
    /// </remarks>
    public static async Task WaitAsync(DiscardingClient sink, long linesWritten)
    {
        try
        {
            await sink.WhenEventsReach(linesWritten).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {sink.Events} of {linesWritten} lines reached the endpoint within 30 s.");
        }
    }
}
