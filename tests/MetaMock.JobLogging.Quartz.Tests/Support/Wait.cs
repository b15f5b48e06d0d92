using System.Diagnostics;

namespace MetaMock.JobLogging.Quartz.Tests.Support;

/// <summary>Waits on a condition with a timeout instead of sleeping a fixed time.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutSeconds = 20, Func<string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                Assert.Fail($"Timed out after {timeoutSeconds} s waiting for {what}. {describe?.Invoke()}");
            }

            await Task.Delay(5);
        }
    }
}
