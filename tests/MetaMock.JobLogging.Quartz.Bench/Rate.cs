namespace MetaMock.JobLogging.Quartz.Bench;

/// <summary>One round's throughput: firings per wall-clock second and per second of this process's CPU time.</summary>
internal readonly record struct Rate(double PerWallSecond, double PerCpuSecond)
{
    public override string ToString() => $"{PerWallSecond:F0}/s {PerCpuSecond:F0}/cpu-s";
}
