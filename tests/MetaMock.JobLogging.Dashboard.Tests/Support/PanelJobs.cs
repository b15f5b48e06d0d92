using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Dashboard.Tests.Support;

/// <summary>Jobs the dashboard tests run on a real server: they log through the application's logger.</summary>
public sealed class PanelJobs
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new(StringComparer.Ordinal);

    /// <summary>The application's logger; set by the fixture before any job runs.</summary>
    public static ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Lets a waiting <see cref="WriteThenWaitThenWrite"/> go on.</summary>
    public static void Open(string gate) => Gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void Write(string[] lines)
    {
        foreach (var line in lines)
        {
            Logger.LogInformation("{Line}", line);
        }
    }

    public void Silent()
    {
    }

    public async Task WriteThenWaitThenWrite(string first, string gate, string later)
    {
        Logger.LogInformation("{Line}", first);
        await Gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromMinutes(2));
        Logger.LogWarning("{Line}", later);
    }
}
