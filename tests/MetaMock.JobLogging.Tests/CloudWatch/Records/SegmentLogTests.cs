using System.Diagnostics;
using MetaMock.JobLogging.CloudWatch.Records;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Records;

public sealed class SegmentLogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_record_larger_than_a_segment_gets_a_segment_of_its_own_with_room_for_its_definitions()
    {
        // An oversized segment is rounded up to 64 KiB: sizes just under that edge leave no slack, so the segment must
        // have been sized for the fresh category, context and origin definitions too, or the append never fits.
        for (var chars = 65_440; chars < 65_536; chars++)
        {
            var pool = new MemorySegmentPool(capacity: 16 * 1024, maxSegments: 4);
            var tables = new InternTables();
            var log = new SegmentLog(pool, tables);
            var message = new string('y', chars);
            var context = LogContextSnapshot.Create(new UserContext("u"), new JobContext($"job-{Guid.NewGuid():N}"));

            var appended = log.Append(new LogEvent(1, LogLevel.Information, tables.Category($"Big.{Guid.NewGuid():N}"), context, message, null, null, null));
            Assert.True(appended == AppendResult.Accepted, $"{chars} chars: {appended}");
            var reader = new SegmentLogReader(log);
            Assert.Equal(ReadStatus.Event, reader.TryRead(out var view, out _));
            Assert.Equal(message, view.MessageText());
            Assert.Equal("u", view.Context?.UserId);
        }
    }

    [Fact]
    public void A_memory_segments_frames_carry_no_checksum_and_are_read_without_checking_one()
    {
        // A memory segment dies with its process, so nothing can tear or damage its frames: the CRC is a file's cost only.
        var pool = new MemorySegmentPool(capacity: 16 * 1024, maxSegments: 2);
        var tables = new InternTables();
        var log = new SegmentLog(pool, tables);
        Assert.Equal(AppendResult.Accepted, log.Append(new LogEvent(1, LogLevel.Information, tables.Category("Memory"), null, "first", null, null, null)));
        var segment = log.Peek()!;
        Assert.False(segment.Checksummed);
        Assert.Equal(0u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(segment.Data[4..]));
        Assert.Equal(FrameStatus.Corrupt, Frames.Read(segment.Data, 0, out _, out _));

        var reader = new SegmentLogReader(log);
        Assert.Equal(ReadStatus.Event, reader.TryRead(out var view, out _));
        Assert.Equal("first", view.MessageText());
    }

    [Fact]
    public void Records_appended_by_many_threads_at_once_are_each_read_once_in_each_writers_order_and_every_segment_returns_to_the_pool()
    {
        const int Writers = 4;
        const int PerWriter = 5_000;
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        var pool = new MemorySegmentPool(capacity: 16 * 1024);
        var tables = new InternTables();
        var log = new SegmentLog(pool, tables);
        var category = tables.Category("Concurrent");
        var seen = new List<int>[Writers];
        for (var w = 0; w < Writers; w++)
        {
            seen[w] = [];
        }

        var writers = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            // Each writer has its own context, so context definitions race as well as categories and templates.
            var context = LogContextSnapshot.Create(null, new JobContext($"job-{w}"));
            for (var i = 0; i < PerWriter; i++)
            {
                var state = RecordCodec.State("writer {V0} record {V1} {V2}", w, i, new string('x', i % 50));
                Assert.Equal(AppendResult.Accepted, log.Append(new LogEvent(i, LogLevel.Information, category, context, state, null, null, null)));
            }
        })).ToList();
        writers.ForEach(t => t.Start());

        var reader = new SegmentLogReader(log);
        var read = 0;
        var clock = Stopwatch.StartNew();
        while (read < Writers * PerWriter)
        {
            Assert.True(clock.Elapsed < Patience, $"read {read} of {Writers * PerWriter}");
            if (reader.TryRead(out var view, out var segment) != ReadStatus.Event)
            {
                Thread.Yield();
                continue;
            }

            var values = RecordCodec.Values(view.Values);
            Assert.Equal($"job-{values[0]}", view.Context!.JobId);
            seen[(int)values[0]!].Add((int)values[1]!);
            segment!.Settle(1);
            read++;
        }

        writers.ForEach(t => t.Join());
        log.SealCurrent();
        Assert.Equal(ReadStatus.Pending, reader.TryRead(out _, out _));
        Assert.All(seen, list => Assert.Equal(Enumerable.Range(0, PerWriter), list));
        Assert.Equal((0L, 0L), (reader.Corrupt, reader.Dropped));
        Assert.Equal(0, pool.Live);
        Assert.True(KeptForReuse(pool, fullCollections), "settled segments are kept for reuse");
    }

    [Fact]
    public void A_settled_segment_returns_its_cleared_array_to_the_pool_and_the_next_segment_reuses_it()
    {
        var pool = new MemorySegmentPool(capacity: 4096);
        var tables = new InternTables();
        var log = new SegmentLog(pool, tables);
        var category = tables.Category("c");
        log.Append(Event(category, "first"));
        var first = (MemorySegment)log.Peek()!;
        log.SealCurrent();
        var reader = new SegmentLogReader(log);

        Assert.Equal(ReadStatus.Event, reader.TryRead(out _, out var segment));
        Assert.Equal(ReadStatus.Pending, reader.TryRead(out _, out _));
        Assert.Equal((1, 0), (pool.Live, pool.Idle)); // read to its end, but one event is not settled yet
        segment!.Settle(1);
        Assert.Equal((0, 1), (pool.Live, pool.Idle));
        Assert.All(first.Array, b => Assert.Equal(0, b));

        log.Append(Event(category, "second"));
        Assert.Same(first.Array, ((MemorySegment)log.Peek()!).Array);
        Assert.Equal(ReadStatus.Event, reader.TryRead(out var view, out _));
        Assert.Equal("second", view.MessageText());
    }

    [Fact]
    public void A_full_segment_rolls_over_and_a_record_larger_than_a_segment_gets_one_of_its_own()
    {
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        var pool = new MemorySegmentPool(capacity: 4096);
        var tables = new InternTables();
        var log = new SegmentLog(pool, tables);
        var category = tables.Category("c");
        var messages = Enumerable.Range(0, 100).Select(i => $"message {i} {new string('m', 100)}").Append(new string('L', 10_000)).Append("after").ToList();
        messages.ForEach(m => Assert.Equal(AppendResult.Accepted, log.Append(Event(category, m))));

        var reader = new SegmentLogReader(log);
        var read = new List<string>();
        while (reader.TryRead(out var view, out var segment) == ReadStatus.Event)
        {
            read.Add(view.MessageText());
            segment!.Settle(1);
        }

        Assert.Equal(messages, read);
        Assert.True(pool.Live >= 1 && KeptForReuse(pool, fullCollections), $"{pool.Live} live, {pool.Idle} idle: the earlier segments were released");
    }

    // Idle arrays are held weakly: a full collection since the test began may have taken them (MemorySegmentPoolTests).
    private static bool KeptForReuse(MemorySegmentPool pool, int fullCollectionsBefore) =>
        pool.Idle > 0 || GC.CollectionCount(GC.MaxGeneration) > fullCollectionsBefore;

    [Fact]
    public void When_the_pool_bound_is_reached_an_append_reports_full_until_a_segment_is_settled()
    {
        var pool = new MemorySegmentPool(capacity: 4096, maxSegments: 2);
        var tables = new InternTables();
        var log = new SegmentLog(pool, tables);
        var category = tables.Category("c");
        var accepted = 0;
        while (log.Append(Event(category, new string('x', 200))) == AppendResult.Accepted)
        {
            accepted++;
        }

        Assert.InRange(accepted, 30, 40); // two segments of 4 KB, ~224 bytes a frame
        Assert.Equal(accepted, RecordCodec.DrainAndSettle(log));
        Assert.Equal(AppendResult.Accepted, log.Append(Event(category, "room again")));
    }

    [Fact]
    public void Another_log_appending_between_this_logs_appends_does_not_make_it_write_its_definitions_again()
    {
        // Two loggers in one process (two hosts, or two providers) interleave their appends all the time: each log's
        // segments hold each definition once, so what the other writes must not change the bytes this one takes.
        Assert.Equal(BytesFor100Appends(besideAnother: false), BytesFor100Appends(besideAnother: true));
    }

    private static int BytesFor100Appends(bool besideAnother)
    {
        var tables = new InternTables();
        var log = new SegmentLog(new MemorySegmentPool(capacity: 64 * 1024), tables);
        var otherTables = new InternTables();
        var other = new SegmentLog(new MemorySegmentPool(capacity: 64 * 1024), otherTables);
        var category = tables.Category("Mine");
        var otherCategory = otherTables.Category("Theirs");
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(AppendResult.Accepted, log.Append(Event(category, $"mine {i}")));
            if (besideAnother)
            {
                Assert.Equal(AppendResult.Accepted, other.Append(Event(otherCategory, $"theirs {i}")));
            }
        }

        return log.Peek()!.Used;
    }

    [Fact]
    public void A_segment_sealed_before_anything_was_reserved_in_it_ends_where_it_starts_and_the_records_after_it_are_read()
    {
        // Shutdown seals the current segment; landing just after a writer rolled over to a fresh one and before it
        // reserved there, the seal finds the segment empty. The writer then rolls over again, and the reader must pass
        // the empty segment's end to reach its record.
        var source = new SealingFirstSegment(new MemorySegmentPool(capacity: 1024));
        var tables = new InternTables();
        var log = new SegmentLog(source, tables);
        Assert.Equal(AppendResult.Accepted, log.Append(Event(tables.Category("Sealed"), "after the seal")));

        var reader = new SegmentLogReader(log);
        Assert.Equal(ReadStatus.Event, reader.TryRead(out var view, out _));
        Assert.Equal("after the seal", view.MessageText());
        Assert.Equal(2, source.Handed);
    }

    private static LogEvent Event(InternedText category, string message) => RecordCodec.Event(category, message);

    // Seals the first segment it hands out, as SealCurrent does when it runs between a roll-over and the writer's reservation.
    private sealed class SealingFirstSegment(MemorySegmentPool pool) : ISegmentSource
    {
        public int Handed { get; private set; }

        public Segment? Next(int minCapacity)
        {
            var segment = pool.Next(minCapacity);
            if (Handed++ == 0)
            {
                segment?.Seal();
            }

            return segment;
        }

        public void Prepare(bool active) => pool.Prepare(active);
    }
}
