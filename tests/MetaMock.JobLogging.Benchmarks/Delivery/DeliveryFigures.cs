using MetaMock.JobLogging.Benchmarks.Delivery.Sink;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>One measured delivery: events acknowledged per second, and how full the PutLogEvents calls were.</summary>
internal sealed record DeliveryFigures(long Events, long Calls, long Bytes, TimeSpan Elapsed, long Dropped, long Oversized)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double EventsPerCall => Calls == 0 ? 0 : (double)Events / Calls;

    public double BytesPerCall => Calls == 0 ? 0 : (double)Bytes / Calls;

    /// <summary>Fill against whichever limit binds first: 1,048,576 bytes or 10,000 events.</summary>
    public double Fill => Math.Max(BytesPerCall / 1_048_576, EventsPerCall / 10_000);

    public static DeliveryFigures From(SinkRecorder recorder, TimeSpan elapsed, long dropped) =>
        new(recorder.Events, recorder.Calls, recorder.Bytes, elapsed, dropped, recorder.Oversized);
}
