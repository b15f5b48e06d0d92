using MetaMock.JobLogging.Hangfire.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire.Tests.Jobs;

/// <summary>Jobs that carry the attribute on the class, with some methods overriding it.</summary>
[MetaMockJobContext(TaskName = "class_task")]
public sealed class AttributedJobs(JobProbe probe)
{
    public void Run(string marker) => probe.Logger.LogInformation("class-level {Marker}", marker);

    [MetaMockJobContext(TaskName = "method_task")]
    public void Overridden(string marker) => probe.Logger.LogInformation("method-level {Marker}", marker);

    public void Fail(string marker) => throw new InvalidOperationException($"boom {marker}");

    [MetaMockJobContext(TaskName = "bulk_workflow", JobIdArgument = "presetId", UserIdArgument = "userId")]
    public void Bulk(string presetId, long userId, string marker) => probe.Logger.LogInformation("bulk {Marker}", marker);

    /// <summary>The job id is the marker, so a line tagged with one job's marker must carry that job's id.</summary>
    [MetaMockJobContext(TaskName = "tagged", JobIdArgument = "marker")]
    public async Task Tagged(string marker)
    {
        probe.Logger.LogInformation("tag {Marker} start", marker);
        await Task.Yield();
        probe.Logger.LogInformation("tag {Marker} after await", marker);
        await Task.Run(() => probe.Logger.LogInformation("tag {Marker} in Task.Run", marker));
    }

    [MetaMockJobContext(JobIdArgument = "presetId")]
    public void Misnamed(string marker) => probe.Logger.LogInformation("never {Marker}", marker);
}
