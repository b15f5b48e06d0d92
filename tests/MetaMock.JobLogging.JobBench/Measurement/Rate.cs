namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>One round's throughput: jobs per wall-clock second and per second of this process's CPU time.</summary>
internal readonly record struct Rate(double PerWallSecond, double PerCpuSecond)
{
    /// <summary>CPU microseconds this process spent per job.</summary>
    public double CpuMicrosecondsPerJob => 1e6 / PerCpuSecond;

    /// <summary>Collections of any generation during the round (every collection counts as a gen0 one).</summary>
    public int Gen0 { get; init; }

    /// <summary>Gen2 collections (background ones included) during the round.</summary>
    public int Gen2 { get; init; }

    /// <summary>CPU microseconds per job spent after the last job ran, while the round's lines were still being delivered.</summary>
    public double CpuAfterWallMicrosecondsPerJob { get; init; }

    /// <summary>Time the collections of the round paused the process.</summary>
    public double PauseMs { get; init; }

    public override string ToString() => $"{PerWallSecond,6:F0}/s {CpuMicrosecondsPerJob,5:F1} cpu-us ({CpuAfterWallMicrosecondsPerJob:F1} after) gc {Gen0}/{Gen2} {PauseMs:F1}ms";
}
