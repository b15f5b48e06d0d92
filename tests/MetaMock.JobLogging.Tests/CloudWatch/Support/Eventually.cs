using System.Diagnostics;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>Waits for a condition with a timeout, polling briefly; never a fixed sleep.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), () => what, timeout);

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(condition, () => what, timeout);

    /// <summary>With <paramref name="what"/> read only on timeout, so it can show the state the wait ended in.</summary>
    public static Task TrueAsync(Func<bool> condition, Func<string> what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);

    private static async Task TrueAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? timeout)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what()}.");
            }

            await Task.Delay(20);
        }
    }
}
