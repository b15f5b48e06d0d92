using System.Globalization;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.Tests.CloudWatch.Records;
using MetaMock.JobLogging.Tests.CloudWatch.Records.Spool;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Buffer;

public sealed class RecordBufferTests
{
    private static readonly InternTables Tables = new();
    private static readonly InternedText Category = Tables.Category("c");

    [Fact]
    public void Appends_beyond_the_event_limit_are_refused_until_room_is_released()
    {
        var buffer = Buffer(maxEvents: 2);

        var results = Enumerable.Range(0, 3).Select(_ => Append(buffer, "x", wait: false)).ToList();
        var read = ReadAll(buffer);

        Assert.Equal([BufferWriteResult.Accepted, BufferWriteResult.Accepted, BufferWriteResult.Full], results);
        Assert.Equal(BufferWriteResult.Full, Append(buffer, "x", wait: false)); // read but not released: still held
        buffer.Release(1, read[0].Bytes);
        Assert.Equal(BufferWriteResult.Accepted, Append(buffer, "x", wait: false));
    }

    [Fact]
    public void The_byte_limit_counts_each_record_at_its_size_in_its_segment()
    {
        var buffer = Buffer(maxEvents: 100, maxBytes: 100);

        Assert.Equal(BufferWriteResult.Accepted, Append(buffer, new string('a', 60), wait: false));
        var one = buffer.Bytes;
        Assert.Equal(BufferWriteResult.Accepted, Append(buffer, new string('a', 60), wait: false));
        Assert.Equal(BufferWriteResult.Full, Append(buffer, new string('a', 60), wait: false));
        Assert.InRange(one, 60, 100);
        // The first record of a segment also carries the segment's definitions (the writer's origin among them).
        Assert.InRange(buffer.Bytes - one, 60, one);
    }

    [Theory]
    // Once on reaching 10 events, then at 128, 256 and 384 appends.
    [InlineData(10, 128, 1 + 3)]
    // A drain size that is not a power of two is rounded down to one: every 64 appends, 500 / 64 times.
    [InlineData(1_000, 100, 7)]
    public void Filling_to_the_threshold_wakes_the_sender_once_and_then_once_per_drains_worth_of_appends(int wakeAtEvents, int drainAtEvents, int expectedWakes)
    {
        var wakes = 0;
        var buffer = new RecordBuffer(new SegmentLog(new MemorySegmentPool(64 * 1024), Tables), 1_000, long.MaxValue, wakeAtEvents, drainAtEvents, () => wakes++);

        for (var i = 0; i < 500; i++)
        {
            Append(buffer, "x", wait: false);
        }

        Assert.Equal(expectedWakes, wakes);
    }

    [Fact]
    public void A_drains_worth_of_appended_events_is_a_backlog_until_the_sender_reads_it()
    {
        var buffer = Buffer(maxEvents: 1_000, drainAtEvents: 8);
        for (var i = 0; i < 7; i++)
        {
            Append(buffer, "x", wait: false);
        }

        var belowThreshold = buffer.HasBacklog;
        Append(buffer, "x", wait: false);
        var atThreshold = buffer.HasBacklog;
        ReadAll(buffer);

        Assert.False(belowThreshold);
        Assert.True(atThreshold);
        // Read but not yet delivered: still counted against the limits, but nothing is waiting to be read.
        Assert.False(buffer.HasBacklog);
        Assert.Equal(8, buffer.Events);
    }

    [Fact]
    public async Task In_wait_mode_a_full_buffer_blocks_the_writer_until_room_is_released()
    {
        var buffer = Buffer(maxEvents: 1);
        Append(buffer, "first", wait: true);

        var blocked = Task.Run(() => Append(buffer, "second", wait: true));
        var finishedEarly = await Task.WhenAny(blocked, Task.Delay(200)) == blocked;
        var read = ReadAll(buffer);
        buffer.Release(1, read[0].Bytes);

        Assert.False(finishedEarly);
        Assert.Equal(BufferWriteResult.Accepted, await blocked.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Closing_releases_a_waiting_writer_with_Closed()
    {
        var buffer = Buffer(maxEvents: 1);
        Append(buffer, "first", wait: true);
        var blocked = Task.Run(() => Append(buffer, "second", wait: true));

        buffer.Close();

        Assert.Equal(BufferWriteResult.Closed, await blocked.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_release_naming_a_segment_settles_its_events_there_and_the_segment_is_released_with_the_last()
    {
        var pool = new MemorySegmentPool(64 * 1024);
        var buffer = new RecordBuffer(new SegmentLog(pool, Tables), 100, long.MaxValue, 100, 100, () => { });
        Append(buffer, "a", wait: false);
        Append(buffer, "b", wait: false);
        buffer.Close(); // seals the segment: once read and settled, it is released
        var read = ReadAll(buffer, track: true);
        var segment = read[0].Segment;

        var first = default(Settlement);
        first.Add(1, read[0].Bytes, segment.Epoch);
        buffer.Release(first);
        var afterFirst = (segment.IsReleased, pool.Live);
        var second = default(Settlement);
        second.Add(1, read[1].Bytes, segment.Epoch);
        buffer.Release(second);

        Assert.Equal((false, 1), afterFirst);
        Assert.Equal((true, 0), (segment.IsReleased, pool.Live));
        Assert.Equal((0, 0), (buffer.Events, buffer.Bytes));
    }

    [Fact]
    public async Task Eight_writers_waiting_for_room_and_one_reader_lose_duplicate_and_reorder_nothing()
    {
        const int writers = 8;
        const int perWriter = 20_000;
        // Far smaller than what is written: the writers spend most of the test waiting for room.
        var buffer = new RecordBuffer(new SegmentLog(new MemorySegmentPool(64 * 1024, maxSegments: 4), Tables), 3_000, long.MaxValue, 1_000, 1_000, () => { });
        var writing = Enumerable.Range(0, writers).Select(w => Task.Factory.StartNew(
            () => Enumerable.Range(0, perWriter).Count(i => Append(buffer, $"{w}:{i}", wait: true) == BufferWriteResult.Accepted),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        var next = new int[writers];
        var received = 0;
        var reader = new SegmentLogReader(buffer.Log);
        while (received < writers * perWriter)
        {
            if (reader.TryRead(out var view, out var segment) != ReadStatus.Event)
            {
                Thread.Yield();
                continue;
            }

            var parts = view.MessageText().Split(':');
            var (writer, sequence) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
            Assert.Equal(next[writer], sequence);
            next[writer]++;
            buffer.MarkRead(1);
            buffer.Release(1, view.Cost);
            segment!.Settle(1);
            received++;
        }

        Assert.All(await Task.WhenAll(writing), accepted => Assert.Equal(perWriter, accepted));
        Assert.Equal(0, buffer.Events);
        Assert.Equal(0, buffer.Bytes);
    }

    [Fact]
    public void A_spool_segment_released_when_the_reader_passes_its_end_is_no_longer_tracked()
    {
        // Events delivered before their segment filled: the last settle leaves it unreleased (not fully read yet), and
        // the release happens later, as the reader passes its end marker.
        using var spool = new TempSpool();
        using var slot = spool.Claim();
        var buffer = new RecordBuffer(new SegmentLog(slot, Tables), 1_000_000, long.MaxValue, 1 << 20, 1 << 20, () => { });
        for (var i = 0; i < 2_000; i++)
        {
            Assert.Equal(BufferWriteResult.Accepted, Append(buffer, "record " + new string('p', 100), wait: false));
        }

        var reader = new SegmentLogReader(buffer.Log);
        var segments = new HashSet<Segment>();
        while (reader.TryRead(out var view, out var segment) == ReadStatus.Event)
        {
            segments.Add(segment!);
            buffer.Track(segment!);
            var settled = default(Settlement);
            settled.Add(1, view.Cost, segment!.Epoch);
            buffer.Release(settled);
        }

        buffer.Close();
        reader.PassEnds();

        Assert.True(segments.Count >= 3, $"{segments.Count} segments");
        Assert.All(segments, s => Assert.True(s.IsReleased));
        Assert.Equal(0, buffer.TrackedSegments);
    }

    private static RecordBuffer Buffer(long maxEvents, long maxBytes = long.MaxValue, long drainAtEvents = 100) =>
        new(new SegmentLog(new MemorySegmentPool(64 * 1024), Tables), maxEvents, maxBytes, 100, drainAtEvents, () => { });

    private static BufferWriteResult Append(RecordBuffer buffer, string message, bool wait) =>
        buffer.Append(new LogEvent(1, LogLevel.Information, Category, null, message, null, null, null), wait, out _);

    // Reads every appended event as the intake does; memory records are settled at once unless tracked for release.
    private static List<(long Bytes, Segment Segment)> ReadAll(RecordBuffer buffer, bool track = false)
    {
        var reader = new SegmentLogReader(buffer.Log);
        var read = new List<(long, Segment)>();
        while (reader.TryRead(out var view, out var segment) == ReadStatus.Event)
        {
            buffer.MarkRead(1);
            if (track)
            {
                buffer.Track(segment!);
            }
            else
            {
                segment!.Settle(1);
            }

            read.Add((view.Cost, segment!));
        }

        return read;
    }
}
