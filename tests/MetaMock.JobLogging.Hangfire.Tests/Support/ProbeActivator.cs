using Hangfire;

namespace MetaMock.JobLogging.Hangfire.Tests.Support;

/// <summary>Builds every job with the test's probe, so jobs of parallel tests never share state.</summary>
internal sealed class ProbeActivator(JobProbe probe) : JobActivator
{
    public override object ActivateJob(Type jobType) => Activator.CreateInstance(jobType, probe)!;
}
