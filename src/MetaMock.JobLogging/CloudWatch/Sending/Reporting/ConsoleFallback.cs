using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.CloudWatch.Sending.Streams;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.CloudWatch.Sending.Reporting;

/// <summary>
/// Where events go once CloudWatch is given up (credentials missing or refused, or the loop stopped on a bug): one
/// warning, then every pending event to stdout, counted as written to the console; those the console printed at their
/// call already (WARNING and above) are counted, not printed twice. From then on the log call sees
/// <see cref="ConsoleOnly"/> and writes every level to the console itself, so the buffer is no longer fed.
/// </summary>
internal sealed class ConsoleFallback
{
    private readonly SenderOutput _output;
    private readonly SenderCounters _counters;
    private readonly ILogEventBuffer _buffer;
    private readonly StreamTable _streams;
    private readonly MessageStore _store;

    // Read by the log call.
    private volatile bool _consoleOnly;

    public ConsoleFallback(SenderOutput output, SenderCounters counters, ILogEventBuffer buffer, StreamTable streams, MessageStore store)
    {
        _output = output;
        _counters = counters;
        _buffer = buffer;
        _streams = streams;
        _store = store;
    }

    /// <summary>True once CloudWatch was given up: every level then goes to the console.</summary>
    public bool ConsoleOnly => _consoleOnly;

    /// <summary>Gives CloudWatch up for <paramref name="cause"/> (a line without any credential), saying so once.</summary>
    public void SwitchToConsole(string cause)
    {
        if (_consoleOnly)
        {
            return;
        }

        _consoleOnly = true;
        _output.Warning($"MetaMock.JobLogging: {cause}; logging every level to the console from now on. CloudWatch Logs is not used until the application restarts.");
    }

    /// <summary>Writes every stream's pending events to stdout, in order, and releases their room. Loop only.</summary>
    public void WritePendingToConsole()
    {
        foreach (var stream in _streams.WithPending())
        {
            // A rare path (CloudWatch given up): each line is decoded once, here.
            stream.Pending.Sort();
            var lines = new List<string>(stream.Pending.Count);
            foreach (ref readonly var item in stream.Pending.AsSpan())
            {
                if (!item.Printed)
                {
                    lines.Add(System.Text.Encoding.UTF8.GetString(_store.Read(item)));
                }
            }

            _output.Events(lines);
            var settled = PendingEvent.Total(stream.Pending.AsSpan());
            stream.Pending.Clear();
            _counters.AddWrittenToConsole((int)settled.Events);
            _buffer.Release(settled);
        }

        _store.Reclaim([]);
    }
}
