using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// Sees from outside whether the sender has drained an event: in the JSON format the queue holds the message's values
/// until the drain, the sender's store only their text, so the value becomes collectable once drained.
/// </summary>
public static class DrainProbe
{
    // Not inlined, so no local of the test method keeps the value alive (debug builds extend locals' lifetimes).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WeakReference LogWithValue(ILogger logger)
    {
        var value = new Uri("https://example.invalid/carried-by-the-event");
        logger.LogInformation("value {Value}", value);
        return new WeakReference(value);
    }

    public static bool Collected(WeakReference reference)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return !reference.IsAlive;
    }
}
