namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>One round's throughput: jobs per wall-clock second and per second of this process's CPU time.</summary>
internal readonly record struct Rate(double PerWallSecond, double PerCpuSecond)
{
    /// <summary>CPU microseconds this process spent per job.</summary>
    public double CpuMicrosecondsPerJob => 1e6 / PerCpuSecond;

    public override string ToString() => $"{PerWallSecond,6:F0}/s {CpuMicrosecondsPerJob,5:F1} cpu-us";
}
