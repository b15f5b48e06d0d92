using MetaMock.JobLogging.Benchmarks.Delivery.Sink;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>One measured delivery: events acknowledged per second, and how full the PutLogEvents calls were.</summary>
internal sealed record DeliveryFigures(long Events, long Calls, long Bytes, TimeSpan Elapsed, TimeSpan Cpu, long Dropped, long Oversized, TimeSpan KernelCpu)
{
    /// <summary>Process CPU time (every thread: log calls, sender, HTTP client and the sink) per acknowledged event.</summary>
    public double CpuMicrosecondsPerEvent => Cpu.TotalMicroseconds / Events;

    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double EventsPerCall => Calls == 0 ? 0 : (double)Events / Calls;

    public double BytesPerCall => Calls == 0 ? 0 : (double)Bytes / Calls;

    /// <summary>Fill against whichever limit binds first: 1,048,576 bytes or 10,000 events.</summary>
    public double Fill => Math.Max(BytesPerCall / 1_048_576, EventsPerCall / 10_000);

    /// <summary>The part of <see cref="Cpu"/> spent in the kernel (system calls, page faults), per acknowledged event.</summary>
    public double KernelCpuMicrosecondsPerEvent => KernelCpu.TotalMicroseconds / Events;

    public static DeliveryFigures From(SinkRecorder recorder, TimeSpan elapsed, CpuTime cpu, long dropped) =>
        new(recorder.Events, recorder.Calls, recorder.Bytes, elapsed, cpu.Total, dropped, recorder.Oversized, cpu.Kernel);

    /// <summary>CPU time of this whole process so far.</summary>
    public static CpuTime ProcessCpu() => CpuTime.Now();
}
