using System.Diagnostics;
using MetaMock.JobLogging.Diagnostics;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B4's child-side sampler: every 50 ms the working set, the GC heap, the events in flight and what the CloudWatch path
/// holds for them (segments, formatted chunks, streams, the streams' pending arrays). Keeps each figure's peak, and every figure as it was at the
/// sample with the highest working set, so the peak can be split into its parts.
/// </summary>
internal sealed class ScalingProbe
{
    private readonly Process _process;
    private readonly SenderCounters _counters;
    private readonly Dictionary<string, double> _peaks = new(StringComparer.Ordinal);
    private Dictionary<string, double> _atPeak = new(StringComparer.Ordinal);
    private readonly long _liveAtEvents;
    private Dictionary<string, double>? _live;

    /// <param name="liveAtEvents">
    /// When the streams' pending lists first hold this many formatted events (the loop's count at its last round), one
    /// full blocking collection measures the live heap with them (<c>live_*</c>); 0: never, as it changes what the
    /// collector does next. Formatted, an event holds the most: its text, its pending slot, its stream.
    /// </param>
    public ScalingProbe(Process process, SenderCounters counters, long liveAtEvents = 0)
    {
        _process = process;
        _counters = counters;
        _liveAtEvents = liveAtEvents;
    }

    public void Sample()
    {
        _process.Refresh();
        var footprint = _counters.Footprint;
        var queued = _counters.Queued;
        var gc = GC.GetGCMemoryInfo();
        var now = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["ws"] = _process.WorkingSet64,
            ["private"] = _process.PrivateMemorySize64,
            ["gc_heap"] = GC.GetTotalMemory(forceFullCollection: false),
            ["gc_committed"] = gc.TotalCommittedBytes,
            // What the last collection left (less its free space): live objects and not-yet-collected old ones, without
            // the young garbage that GC heap counts until the next collection.
            ["gc_after"] = gc.HeapSizeBytes - gc.FragmentedBytes,
            ["threads"] = _process.Threads.Count,
            ["events"] = queued.Events,
            ["bytes"] = queued.Bytes,
            ["seg_live"] = footprint.SegmentsLive,
            ["seg_idle"] = footprint.SegmentsIdle,
            ["seg_mb"] = footprint.SegmentArrayBytes / 1e6,
            ["store_mb"] = footprint.StoreBytes / 1e6,
            ["streams"] = footprint.StreamsHeld,
            ["pend_streams"] = footprint.Pending.StreamsWithEvents,
            ["pend_events"] = footprint.Pending.Events,
            ["pend_mb"] = footprint.Pending.ArrayBytes / 1e6,
        };
        foreach (var (name, value) in now)
        {
            _peaks[name] = Math.Max(_peaks.GetValueOrDefault(name), value);
        }

        if (now["ws"] >= _atPeak.GetValueOrDefault("ws"))
        {
            _atPeak = now;
        }

        if (_live is null && _liveAtEvents > 0 && footprint.Pending.Events >= _liveAtEvents)
        {
            var live = GC.GetTotalMemory(forceFullCollection: true);
            _live = new(now.Select(p => KeyValuePair.Create("live_" + p.Key, p.Value)), StringComparer.Ordinal)
            {
                ["live_heap"] = live,
            };
        }
    }

    /// <summary>The peaks as <c>peak_*</c>, the figures at the working set's peak as <c>at_*</c>, the live heap's as <c>live_*</c>.</summary>
    public void AddTo(Dictionary<string, double> values)
    {
        foreach (var (name, value) in _peaks)
        {
            values["peak_" + name] = value;
        }

        foreach (var (name, value) in _atPeak)
        {
            values["at_" + name] = value;
        }

        foreach (var (name, value) in _live ?? [])
        {
            values[name] = value;
        }
    }

    /// <summary>After a full compacting collection: the heap by generation, committed memory, code compiled, threads.</summary>
    public static void AddAtRest(Dictionary<string, double> values, Process process)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        values["heap"] = GC.GetTotalMemory(forceFullCollection: true);
        var gc = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        string[] names = ["gen0", "gen1", "gen2", "loh", "poh"];
        for (var i = 0; i < names.Length && i < gc.GenerationInfo.Length; i++)
        {
            values["end_" + names[i]] = gc.GenerationInfo[i].SizeAfterBytes;
        }

        values["end_committed"] = gc.TotalCommittedBytes;
        values["jit_methods"] = System.Runtime.JitInfo.GetCompiledMethodCount();
        process.Refresh();
        values["end_ws"] = process.WorkingSet64;
        values["peak_ws_os"] = process.PeakWorkingSet64;
        values["end_threads"] = process.Threads.Count;
    }
}
