using System.Diagnostics;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>Waits for a condition with a timeout, polling briefly; never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
