namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// The garbage collector's side of a measured run: bytes allocated by every thread and collections per generation.
/// Unlike wall-clock figures, these don't move with the load of a shared machine.
/// </summary>
internal readonly record struct GcCost(long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static GcCost Now() =>
        new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static GcCost operator -(GcCost after, GcCost before) =>
        new(after.AllocatedBytes - before.AllocatedBytes, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);

    /// <summary>Collections of <paramref name="generation"/> (each also counts in the lower ones' totals) per million events.</summary>
    public double PerMillion(int generation, long events) =>
        (generation switch { 0 => Gen0, 1 => Gen1, _ => Gen2 }) * 1_000_000.0 / events;
}
