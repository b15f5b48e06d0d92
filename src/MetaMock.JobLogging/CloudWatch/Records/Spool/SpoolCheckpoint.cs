using System.Buffers.Binary;
using System.IO.Hashing;

namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>
/// A slot's durable record of what is settled: segments settled whole, and for others the offset before which every
/// event is settled. Written to a temporary file, fsynced, then renamed over the old one, so a crash leaves the old
/// checkpoint or the new, never half of one; a segment file is deleted only after the checkpoint naming it is durable.
/// </summary>
/// <remarks>Layout: "MMJLCKP1", an entry count, per entry a sequence (8 bytes) and an offset (4; -1 = whole segment), a CRC-32 of all before it.</remarks>
internal sealed class SpoolCheckpoint
{
    public const string FileName = "checkpoint";

    private const ulong Magic = 0x3150_4B43_4C4A_4D4D; // "MMJLCKP1"
    private const int Settled = -1;

    private readonly Dictionary<long, int> _entries = [];

    /// <summary>Whether the segment is settled whole.</summary>
    public bool IsSettled(long sequence) => _entries.TryGetValue(sequence, out var offset) && offset == Settled;

    /// <summary>The offset from which the segment's events still need delivering (0 when nothing is recorded).</summary>
    public int DeliverFrom(long sequence) => _entries.TryGetValue(sequence, out var offset) && offset > 0 ? offset : 0;

    public void MarkSettled(long sequence) => _entries[sequence] = Settled;

    public void MarkSettledBefore(long sequence, int offset) => _entries[sequence] = offset;

    /// <summary>Forgets a segment whose file is gone.</summary>
    public void Forget(long sequence) => _entries.Remove(sequence);

    /// <summary>The highest sequence it names, or -1.</summary>
    public long LastSequence => _entries.Count == 0 ? -1 : _entries.Keys.Max();

    /// <summary>Forgets every segment but <paramref name="sequences"/> (those whose files are still there).</summary>
    public void RetainOnly(IEnumerable<long> sequences)
    {
        var kept = sequences.ToHashSet();
        foreach (var sequence in _entries.Keys.Where(s => !kept.Contains(s)).ToList())
        {
            _entries.Remove(sequence);
        }
    }

    /// <summary>
    /// Reads a slot's checkpoint; one that cannot be read is set aside (reported) and an empty one taken instead: every
    /// segment is then replayed (at-least-once), never skipped.
    /// </summary>
    public static SpoolCheckpoint LoadOrSetAside(string slot, Action<string> report)
    {
        try
        {
            return Load(slot);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            SlotFiles.SetAside(Path.Combine(slot, FileName), error, report);
            return new SpoolCheckpoint();
        }
    }

    /// <summary>Reads a slot's checkpoint; a missing one is empty, a damaged one throws <see cref="InvalidDataException"/>.</summary>
    public static SpoolCheckpoint Load(string slot)
    {
        var checkpoint = new SpoolCheckpoint();
        var path = Path.Combine(slot, FileName);
        if (!File.Exists(path))
        {
            return checkpoint;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || BinaryPrimitives.ReadUInt64LittleEndian(bytes) != Magic
            || Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)))
        {
            throw new InvalidDataException($"{path} is damaged.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (count < 0 || bytes.Length != 16 + (count * 12))
        {
            throw new InvalidDataException($"{path} is damaged.");
        }

        for (var i = 0; i < count; i++)
        {
            var at = 12 + (i * 12);
            checkpoint._entries[BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at))] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 8));
        }

        return checkpoint;
    }

    /// <summary>Writes it durably (fsync before the rename): on the sender's thread only.</summary>
    public void Save(string slot)
    {
        var bytes = new byte[16 + (_entries.Count * 12)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), _entries.Count);
        var at = 12;
        foreach (var (sequence, offset) in _entries)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), sequence);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 8), offset);
            at += 12;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), Crc32.HashToUInt32(bytes.AsSpan(0, at)));
        var temporary = Path.Combine(slot, FileName + ".tmp");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(slot, FileName), overwrite: true);
    }
}
