using System.Collections.Concurrent;
using Quartz;

namespace MetaMock.JobLogging.Quartz.Tests.Jobs;

/// <summary>
/// Records the ambient context inside Execute without any logger, for schedulers whose container has no test logger
/// (the no-host path). Records are keyed by job group so parallel tests do not see each other's.
/// </summary>
public sealed class ProbeJob : IJob
{
    public static readonly ConcurrentQueue<(string Group, string Where, UserContext? User, JobContext? Job)> Records = new();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var group = context.JobDetail.Key.Group;
        Record(group, "execute");
        await Task.Yield();
        await Task.Run(() => Record(group, "child"), cancellationToken);
    }

    public static IReadOnlyList<(string Group, string Where, UserContext? User, JobContext? Job)> For(string group) =>
        Records.Where(r => r.Group == group).ToList();

    private static void Record(string group, string where) =>
        Records.Enqueue((group, where, MetaMockLogContext.GetUserContext(), MetaMockLogContext.GetJobContext()));
}
