using System.Buffers;

namespace MetaMock.JobLogging.CloudWatch.Sending.Streams;

/// <summary>
/// The UTF-8 text of every pending event, in large reused chunks: each event is formatted once, straight into the
/// chunk it will be sent from, and is found again by its <see cref="PendingEvent"/> (chunk index, offset, length). No
/// per-event object outlives the drain, so a buffered event costs the garbage collector nothing while it waits.
/// </summary>
/// <remarks>
/// One store for all streams rather than one per stream: 1,000 job streams with ten lines each then share 16 chunks
/// instead of holding a chunk apiece. Full-size chunks are kept for reuse in the store's own free list, trimmed to what
/// the last round needed (the shared array pool keeps only a few arrays of a size, fewer than one busy round uses);
/// a message larger than a chunk gets an array of its own from the shared pool. Only the loop writes, also while a send
/// round is in flight (it drains meanwhile); send tasks only read messages committed before their round, through a
/// copy of the chunk list that the loop republishes whenever it changes (once per chunk), so nothing here is locked.
/// <see cref="Reclaim"/> runs between rounds only.
/// Writing follows <see cref="IBufferWriter{T}"/>: a formatter writes one message (possibly in several steps, kept
/// contiguous), then the sender either commits it, takes it out to split it, or discards it.
/// </remarks>
internal sealed class MessageStore : IBufferWriter<byte>
{
    /// <summary>Below the large-object heap's threshold: a fresh chunk is an ordinary allocation, then reused.</summary>
    public const int ChunkSize = 64 * 1024;

    private readonly List<byte[]> _chunks = [];
    // What readers index: a copy of _chunks, replaced (never changed in place) when a chunk is added, replaced or freed.
    private byte[][] _readable = [];
    private readonly Stack<byte[]> _free = new();
    private int _position;
    private int _uncommitted;
    private int _highWater;
    private int _recentPeak;
    private bool _written;

    /// <summary>Chunks holding (or ready to hold) messages.</summary>
    public int ChunksInUse => _chunks.Count;

    /// <summary>Full-size chunks kept for the next round.</summary>
    public int FreeChunks => _free.Count;

    /// <summary>The message being written, not yet committed.</summary>
    public ReadOnlySpan<byte> Uncommitted => _uncommitted == 0 ? [] : _chunks[^1].AsSpan(_position, _uncommitted);

    public void Advance(int count) => _uncommitted += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(Math.Max(sizeHint, 1));
        return _chunks[^1].AsMemory(_position + _uncommitted);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(Math.Max(sizeHint, 1));
        return _chunks[^1].AsSpan(_position + _uncommitted);
    }

    /// <summary>Ends the message written so far; it stays readable at the returned place until <see cref="Reclaim"/> moves or frees it.</summary>
    public (int Chunk, int Offset, int Length) Commit()
    {
        _written = true;
        var place = (_chunks.Count - 1, _position, _uncommitted);
        _position += _uncommitted;
        _uncommitted = 0;
        return place;
    }

    /// <summary>Forgets the message written so far (its formatting failed, or it was copied out to be split).</summary>
    public void Discard() => _uncommitted = 0;

    /// <summary>Writes a whole message and commits it.</summary>
    public (int Chunk, int Offset, int Length) Add(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default)
    {
        var span = GetSpan(first.Length + second.Length);
        first.CopyTo(span);
        second.CopyTo(span[first.Length..]);
        Advance(first.Length + second.Length);
        return Commit();
    }

    /// <summary>The text of a committed message; safe from a send task while the loop writes further messages.</summary>
    public ReadOnlySpan<byte> Read(in PendingEvent item) => Volatile.Read(ref _readable)[item.Chunk].AsSpan(item.Offset, item.Utf8Bytes);

    /// <summary>
    /// After a round, with the streams that still have events: frees the chunks nothing refers to any more (renumbering
    /// the events' chunks, without copying a byte: events drained during the round fill chunks of their own). When the
    /// events left are still few against the memory their chunks hold (some streams failed, the others were sent), they
    /// are moved into fresh chunks, so a failing stream can't pin the chunks of every stream that succeeded.
    /// </summary>
    public void Reclaim(IReadOnlyList<StreamState> withPending)
    {
        long live = 0;
        foreach (var stream in withPending)
        {
            live += PendingEvent.MessageBytes(stream.Pending.AsSpan());
        }

        if (live == 0 && !_written)
        {
            // A quiet round: nothing was written since the last one. The store lets go of everything, so a process at
            // rest holds no chunk at all.
            foreach (var chunk in _chunks)
            {
                Release(chunk);
            }

            _chunks.Clear();
            _free.Clear();
            (_position, _highWater, _recentPeak) = (0, 0, 0);
            PublishChunks();
            return;
        }

        _written = false;
        if (live == 0)
        {
            // The usual end of a round: everything was settled. A full-size last chunk stays, ready for the next drain.
            var keep = _chunks.Count > 0 && _chunks[^1].Length == ChunkSize ? 1 : 0;
            for (var i = 0; i < _chunks.Count - keep; i++)
            {
                Release(_chunks[i]);
            }

            _chunks.RemoveRange(0, _chunks.Count - keep);
            _position = 0;
        }
        else
        {
            DropUnreferenced(withPending);
            if (Allocated() > (2 * live) + ChunkSize)
            {
                Compact(withPending);
            }
        }

        // Keep enough free chunks for a round as large as the recent ones; the count decays by an eighth a round once
        // the load drops (rounds of one load vary in size, and a chunk dropped now would be allocated again next round).
        _recentPeak = Math.Max(_highWater, _recentPeak - Math.Max(1, _recentPeak / 8));
        while (_free.Count > 0 && _free.Count + _chunks.Count > _recentPeak)
        {
            _free.Pop();
        }

        _highWater = _chunks.Count;
        PublishChunks();
    }

    private void PublishChunks() => Volatile.Write(ref _readable, _chunks.ToArray());

    private void DropUnreferenced(IReadOnlyList<StreamState> withPending)
    {
        var count = _chunks.Count;
        var newIndex = ArrayPool<int>.Shared.Rent(count);
        try
        {
            newIndex.AsSpan(0, count).Fill(-1);
            foreach (var stream in withPending)
            {
                foreach (ref readonly var item in stream.Pending.AsSpan())
                {
                    newIndex[item.Chunk] = 0;
                }
            }

            // The last chunk is the one being written into.
            newIndex[count - 1] = 0;
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                if (newIndex[i] < 0)
                {
                    Release(_chunks[i]);
                    continue;
                }

                newIndex[i] = kept;
                _chunks[kept++] = _chunks[i];
            }

            if (kept == count)
            {
                return;
            }

            _chunks.RemoveRange(kept, count - kept);
            foreach (var stream in withPending)
            {
                foreach (ref var item in stream.Pending.AsSpan())
                {
                    item.Chunk = newIndex[item.Chunk];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(newIndex);
        }
    }

    private void Compact(IReadOnlyList<StreamState> withPending)
    {
        var old = _chunks.ToArray();
        _chunks.Clear();
        _position = 0;
        foreach (var stream in withPending)
        {
            foreach (ref var item in stream.Pending.AsSpan())
            {
                (item.Chunk, item.Offset, _) = Add(old[item.Chunk].AsSpan(item.Offset, item.Utf8Bytes));
            }
        }

        foreach (var chunk in old)
        {
            Release(chunk);
        }
    }

    private long Allocated()
    {
        long bytes = 0;
        foreach (var chunk in _chunks)
        {
            bytes += chunk.Length;
        }

        return bytes;
    }

    private void Reserve(int sizeHint)
    {
        if (_chunks.Count > 0 && _chunks[^1].Length - _position - _uncommitted >= sizeHint)
        {
            return;
        }

        var needed = _uncommitted + sizeHint;
        var chunk = needed <= ChunkSize
            ? (_free.TryPop(out var reused) ? reused : GC.AllocateUninitializedArray<byte>(ChunkSize))
            : ArrayPool<byte>.Shared.Rent(needed);
        if (_chunks.Count > 0 && _position == 0)
        {
            // The last chunk holds no committed message, only (at most) the one being written: replace it.
            _chunks[^1].AsSpan(0, _uncommitted).CopyTo(chunk);
            Release(_chunks[^1]);
            _chunks[^1] = chunk;
        }
        else
        {
            if (_uncommitted > 0)
            {
                _chunks[^1].AsSpan(_position, _uncommitted).CopyTo(chunk);
            }

            _chunks.Add(chunk);
            _position = 0;
        }

        _highWater = Math.Max(_highWater, _chunks.Count);
        PublishChunks();
    }

    private void Release(byte[] chunk)
    {
        // Full-size chunks are the store's own; anything else was a one-message array from the shared pool.
        if (chunk.Length == ChunkSize)
        {
            _free.Push(chunk);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
