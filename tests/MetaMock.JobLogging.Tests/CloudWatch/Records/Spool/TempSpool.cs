using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;

/// <summary>A spool directory in a temporary folder, with the lines the spool reported, and helpers to fill and replay a slot.</summary>
internal sealed class TempSpool : IDisposable
{
    public const int SegmentCapacity = 16 * 1024;

    public TempSpool(string? root = null) => Root = root ?? Directory.CreateTempSubdirectory("spool-").FullName;

    public string Root { get; }

    public List<string> Reports { get; } = [];

    public SpoolCounters Counters { get; } = new();

    public SpoolSlot Claim(long maxBytes = 1L << 30) =>
        SpoolDirectory.TryClaim(Root, new SpoolLimits(SegmentCapacity, maxBytes), Counters, Reports.Add) ?? throw new InvalidOperationException(string.Join("\n", Reports));

    /// <summary>Appends "record {V0}" for each number; returns how many were accepted before the first refusal.</summary>
    public static int Append(SegmentLog log, InternTables tables, IEnumerable<long> numbers)
    {
        var category = tables.Category("Spool.Test");
        var context = LogContextSnapshot.Create(new UserContext("123"), new JobContext("bulk-abc123", "generate_images", "run-456"));
        var accepted = 0;
        foreach (var number in numbers)
        {
            var e = new LogEvent(number, LogLevel.Information, category, context, RecordCodec.State("record {V0} " + new string('p', 100), number), null, null, null);
            if (log.Append(e) != AppendResult.Accepted)
            {
                break;
            }

            accepted++;
        }

        return accepted;
    }

    /// <summary>A slot a process filled and then died holding (nothing settled): the files stay, the lock is released.</summary>
    public void LeaveFilledSlot(int records)
    {
        var slot = Claim();
        var tables = new InternTables();
        Assert.Equal(records, Append(new SegmentLog(slot, tables), tables, Enumerable.Range(0, records).Select(i => (long)i)));
        slot.Dispose();
    }

    /// <summary>Replays an adopted slot, settling each event; the numbers read, in order.</summary>
    public static List<long> Replay(SpoolSlot slot)
    {
        var replay = new SpoolReplay(slot);
        var numbers = new List<long>();
        while (replay.TryRead(out var view, out var segment) == ReadStatus.Event)
        {
            Assert.True(view.Values.TryRead(out var value));
            numbers.Add((long)value.ToObject()!);
            segment!.Settle(1);
        }

        return numbers;
    }

    public static string[] SegmentFiles(string slot) => [.. Directory.GetFileSystemEntries(slot, "*" + SpoolSlot.SegmentSuffix).Order()];

    public static string[] FreeFiles(string slot) => [.. Directory.GetFileSystemEntries(slot, "*" + SpoolFreeFiles.Suffix).Order()];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a mount point the test has not released yet: the test reports its own failure
        }
    }
}
