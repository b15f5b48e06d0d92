using System.Text;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>A PutLogEvents batch built from strings, for calling the wire client directly; and the way back, for fakes.</summary>
internal sealed class TextBatch : ILogEventBatch
{
    private readonly IReadOnlyList<TextEvent> _events;
    private readonly byte[][] _messages;

    public TextBatch(string group, string stream, IReadOnlyList<TextEvent> events)
    {
        LogGroupName = group;
        LogStreamName = stream;
        _events = events;
        _messages = [.. events.Select(e => Encoding.UTF8.GetBytes(e.Message))];
    }

    public string LogGroupName { get; }

    public string LogStreamName { get; }

    public int Count => _events.Count;

    public long MessageBytes => _messages.Sum(m => (long)m.Length);

    public long Timestamp(int index) => _events[index].Timestamp;

    public ReadOnlySpan<byte> Message(int index) => _messages[index];

    /// <summary>The events of any batch, decoded.</summary>
    public static List<TextEvent> Read(ILogEventBatch batch) =>
        [.. Enumerable.Range(0, batch.Count).Select(i => new TextEvent(batch.Timestamp(i), Encoding.UTF8.GetString(batch.Message(i))))];
}
