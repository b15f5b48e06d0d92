using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.CloudWatch.Sending.Send;

/// <summary>A range of a stream's sorted pending events, handed to the client as one call: its texts are read from the store in place.</summary>
internal sealed class PendingBatch : ILogEventBatch
{
    private readonly StreamState _stream;
    private readonly MessageStore _store;

    public PendingBatch(StreamState stream, MessageStore store, int start, int count)
    {
        _stream = stream;
        _store = store;
        Start = start;
        Count = count;
    }

    public int Start { get; }

    public int Count { get; }

    public string LogGroupName => _stream.Address.Group;

    public string LogStreamName => _stream.Address.Stream;

    public long MessageBytes => PendingEvent.MessageBytes(Events);

    /// <summary>The batch's events, in the stream's list: settling one marks it there.</summary>
    public Span<PendingEvent> Events => _stream.Pending.AsSpan().Slice(Start, Count);

    public long Timestamp(int index) => _stream.Pending[Start + index].Timestamp;

    public ReadOnlySpan<byte> Message(int index) => _store.Read(_stream.Pending[Start + index]);

    /// <summary>The first <paramref name="count"/> events from <paramref name="offset"/> on, as a batch of their own.</summary>
    public PendingBatch Slice(int offset, int count) => new(_stream, _store, Start + offset, count);
}
