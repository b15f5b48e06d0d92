using System.Diagnostics;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>Waits on a condition with a deadline instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task True(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Gave up after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
