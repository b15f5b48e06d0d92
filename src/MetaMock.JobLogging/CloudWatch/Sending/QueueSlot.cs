namespace MetaMock.JobLogging.CloudWatch.Sending;

/// <summary>One slot of a <see cref="QueueSegment{T}"/>: the item, and a flag its producer sets once the item is written.</summary>
internal struct QueueSlot<T>
{
    public T Item;

    /// <summary>1 once <see cref="Item"/> is fully written (set with release semantics); the consumer resets it to 0.</summary>
    public int Written;
}
