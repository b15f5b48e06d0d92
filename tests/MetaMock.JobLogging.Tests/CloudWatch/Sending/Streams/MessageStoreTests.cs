using System.Text;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;

namespace MetaMock.JobLogging.Tests.CloudWatch.Sending.Streams;

public sealed class MessageStoreTests
{
    [Fact]
    public void Once_every_event_is_settled_all_chunks_but_one_go_to_the_free_list_and_the_next_round_reuses_them()
    {
        var store = new MessageStore();
        var stream = Stream("jobs/a");
        Fill(store, stream, "a", chunks: 5);
        Assert.Equal(5, store.ChunksInUse);

        stream.Pending.Clear();
        store.Reclaim([]);

        Assert.Equal(1, store.ChunksInUse);
        Assert.Equal(4, store.FreeChunks);
        Fill(store, stream, "b", chunks: 5);
        Assert.Equal(5, store.ChunksInUse);
        Assert.Equal(0, store.FreeChunks);
    }

    [Fact]
    public void Free_chunks_beyond_what_recent_rounds_used_are_let_go_when_the_load_drops()
    {
        var (store, stream) = AfterSettledBurst(chunks: 9);

        for (var round = 0; round < 40; round++)
        {
            Add(store, stream, "a quiet line");
            stream.Pending.Clear();
            store.Reclaim([]);
        }

        Assert.Equal((1, 0), (store.ChunksInUse, store.FreeChunks));
    }

    [Fact]
    public void A_round_in_which_nothing_was_written_lets_go_of_every_chunk()
    {
        var (store, stream) = AfterSettledBurst(chunks: 9);

        store.Reclaim([]);

        Assert.Equal((0, 0), (store.ChunksInUse, store.FreeChunks));
        Add(store, stream, "the store works again afterwards");
        Assert.Equal(["the store works again afterwards"], Texts(store, stream));
    }

    [Fact]
    public void Events_left_by_a_failed_stream_are_moved_out_of_chunks_the_sent_streams_emptied_and_still_read_the_same()
    {
        var store = new MessageStore();
        var sent = Stream("jobs/sent");
        var failed = Stream("jobs/failed");
        for (var i = 0; i < 4_000; i++)
        {
            // Interleaved, as a drain interleaves streams: every chunk holds a few of the failed stream's events.
            Add(store, i % 100 == 0 ? failed : sent, $"event {i} {new string('x', 60)} 日本 🚀");
        }

        var before = Texts(store, failed);
        var chunksBefore = store.ChunksInUse;
        sent.Pending.Clear();
        store.Reclaim([failed]);

        Assert.True(chunksBefore >= 4, $"the test needs several chunks, had {chunksBefore}");
        Assert.Equal(1, store.ChunksInUse);
        Assert.Equal(before, Texts(store, failed));
    }

    [Fact]
    public void Events_that_fill_their_chunks_well_are_left_where_they_are()
    {
        var store = new MessageStore();
        var stream = Stream("jobs/a");
        Fill(store, stream, "kept", chunks: 3);
        var places = stream.Pending.AsSpan().ToArray().Select(e => (e.Chunk, e.Offset)).ToList();

        store.Reclaim([stream]);

        Assert.Equal(places, stream.Pending.AsSpan().ToArray().Select(e => (e.Chunk, e.Offset)));
        Assert.Equal(3, store.ChunksInUse);
    }

    [Fact]
    public void A_message_larger_than_a_chunk_gets_an_array_of_its_own_and_the_next_one_a_chunk_again()
    {
        var store = new MessageStore();
        var stream = Stream("jobs/a");
        var huge = new string('h', MessageStore.ChunkSize * 3) + "🚀";
        Add(store, stream, "small before");
        Add(store, stream, huge);
        Add(store, stream, "small after");

        Assert.Equal(["small before", huge, "small after"], Texts(store, stream));
        stream.Pending.Clear();
        store.Reclaim([]);
        // The chunk went to the free list; the huge array (where "small after" fitted too) back to the shared pool.
        Assert.Equal((0, 1), (store.ChunksInUse, store.FreeChunks));
    }

    [Fact]
    public void A_message_written_in_steps_stays_in_one_piece_when_it_outgrows_its_chunk()
    {
        var store = new MessageStore();
        var stream = Stream("jobs/a");
        Add(store, stream, new string('a', MessageStore.ChunkSize - 100));
        var expected = new StringBuilder();
        for (var step = 0; step < 50; step++)
        {
            var piece = Encoding.UTF8.GetBytes($"step {step:D2} ");
            piece.CopyTo(store.GetSpan(piece.Length));
            store.Advance(piece.Length);
            expected.Append($"step {step:D2} ");
        }

        stream.Pending.Add(new PendingEvent(0, store.Commit(), 1, 1));

        Assert.Equal(expected.ToString(), Texts(store, stream)[1]);
    }

    [Fact]
    public void A_discarded_message_leaves_nothing_behind()
    {
        var store = new MessageStore();
        var stream = Stream("jobs/a");
        "half-written"u8.CopyTo(store.GetSpan(12));
        store.Advance(12);
        store.Discard();
        Add(store, stream, "whole");

        Assert.Equal(["whole"], Texts(store, stream));
        Assert.Equal(0, stream.Pending[0].Offset);
    }

    // A round that filled `chunks` chunks, all of it then settled and reclaimed.
    private static (MessageStore Store, StreamState Stream) AfterSettledBurst(int chunks)
    {
        var store = new MessageStore();
        var stream = Stream("jobs/a");
        Fill(store, stream, "burst", chunks);
        stream.Pending.Clear();
        store.Reclaim([]);
        return (store, stream);
    }

    private static StreamState Stream(string name) => new(new StreamAddress("group", name));

    private static void Add(MessageStore store, StreamState stream, string text) =>
        stream.Pending.Add(new PendingEvent(1_000, store.Add(Encoding.UTF8.GetBytes(text)), 1, 1));

    // Adds lines until the store uses `chunks` chunks (the last one holding a single line).
    private static void Fill(MessageStore store, StreamState stream, string text, int chunks)
    {
        var line = $"{text} {new string('x', 1_000)}";
        while (store.ChunksInUse < chunks)
        {
            Add(store, stream, line);
        }
    }

    private static List<string> Texts(MessageStore store, StreamState stream)
    {
        var texts = new List<string>();
        foreach (ref readonly var item in stream.Pending.AsSpan())
        {
            texts.Add(Encoding.UTF8.GetString(store.Read(item)));
        }

        return texts;
    }
}
