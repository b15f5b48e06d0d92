namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>CPU time of this whole process (every thread), and the part of it spent in the kernel (system calls, page faults).</summary>
internal readonly record struct CpuTime(TimeSpan Total, TimeSpan Kernel)
{
    public static CpuTime Now()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new(process.TotalProcessorTime, process.PrivilegedProcessorTime);
    }

    public static CpuTime operator -(CpuTime after, CpuTime before) => new(after.Total - before.Total, after.Kernel - before.Kernel);
}
