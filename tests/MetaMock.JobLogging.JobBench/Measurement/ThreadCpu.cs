using System.Runtime.InteropServices;

namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>
/// CPU time of the calling thread alone (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so a part's cost on the firing's thread
/// can be told from the logging sender's work on its own thread, which process CPU time lumps together.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>Microseconds of CPU this thread has used, or NaN where the clock is not available.</summary>
    public static double Microseconds()
    {
        if (!OperatingSystem.IsLinux() || NativeMethods.clock_gettime(ClockThreadCpuTime, out var time) != 0)
        {
            return double.NaN;
        }

        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
