namespace MetaMock.JobLogging.CloudWatch.Records;

/// <summary>A segment in a pinned array; when settled, it goes back to its pool.</summary>
internal sealed unsafe class MemorySegment : Segment
{
    private readonly MemorySegmentPool _pool;

    public MemorySegment(byte[] pinned, MemorySegmentPool pool)
        : base((byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(pinned)), pinned.Length, FrameChecksum.None)
    {
        Array = pinned;
        _pool = pool;
    }

    /// <summary>The pinned array (allocated on the pinned object heap, so its address never moves).</summary>
    public byte[] Array { get; }

    public override void Dispose()
    {
    }

    protected override void OnSettled() => _pool.Return(this);
}
