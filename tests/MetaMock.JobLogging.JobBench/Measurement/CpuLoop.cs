namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>Single-threaded CPU microseconds per call of an operation, for the figures that should not move with the load.</summary>
internal static class CpuLoop
{
    public static double MicrosecondsPerCall(int calls, Action operation)
    {
        var before = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < calls; i++)
        {
            operation();
        }

        return (Environment.CpuUsage.TotalTime - before).TotalMicroseconds / calls;
    }
}
