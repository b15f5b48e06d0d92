using System.Diagnostics;
using MetaMock.JobLogging.Tests.CloudWatch.Support;

namespace MetaMock.JobLogging.JobBench.Logging;

/// <summary>Waits until the provider has delivered every line written so far, so its background work is measured too.</summary>
internal static class Delivery
{
    public static async Task WaitAsync(DiscardingClient sink, long linesWritten)
    {
        var clock = Stopwatch.StartNew();
        while (sink.Events < linesWritten)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Only {sink.Events} of {linesWritten} lines reached the endpoint within 30 s.");
            }

            await Task.Delay(10);
        }
    }
}
