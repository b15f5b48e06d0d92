using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MetaMock.JobLogging.CrashWorker;

/// <summary>
/// Totals of the package's meter counters (<c>MetaMock.JobLogging</c>), by instrument and <c>reason</c> tag: the meter may
/// publish a figure the diagnostics class does not (replayed events, say), and this prints it without a change here.
/// </summary>
internal sealed class MeterTotals : IDisposable
{
    private const string MeterName = "MetaMock.JobLogging";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public MeterTotals()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument is Counter<long>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var tag in tags)
            {
                key += tag.Key == "reason" ? $".{tag.Value}" : string.Empty;
            }

            _totals.AddOrUpdate(key, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>Each counter's total so far, by name.</summary>
    public IEnumerable<KeyValuePair<string, long>> Totals => _totals.OrderBy(t => t.Key, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
