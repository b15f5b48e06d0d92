using System.Globalization;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// B4's tables, per mode (cold, warm): the headline figures per size, what the peak and the heap at rest are made of,
/// the compilations by tier; then, with both modes, the growth with size split into the jobs' and the runtime's.
/// </summary>
internal static class ScalingReport
{
    public static async Task WriteAsync(IReadOnlyList<(long Acked, ScalingSample Sample)> rows, bool warm, TextWriter output)
    {
        await output.WriteLineAsync(warm
            ? Line($"## B4 scaling in the number of jobs, warm (10 lines each, one process per size; first {ScalingWarmUp.Jobs:N0} jobs x 10 lines in slices of {ScalingWarmUp.JobsPerSlice * EventProducer.LinesPerBlock:N0} events, delivered, then a compacting GC and the peaks reset)")
            : "## B4 scaling in the number of jobs (10 lines each, one process per size)");
        await TableAsync(output, rows, null,
            "| jobs | events acked | peak working set MB | heap after full GC MB | peak threads | threads at end | streams held (peak / end) | dropped | seconds |",
            (acked, s) => Line($"| {s["jobs"]:N0} | {acked:N0} | {s["peak_ws_os"] / 1e6:0.0} | {s["heap"] / 1e6:0.00} | {s["peak_threads"]:0} | {s["end_threads"]:0} | {s["peak_streams"]:N0} / {s["streams_end"]:N0} | {s["dropped"]:0} | {s["seconds"]:0.0} |"));
        await TableAsync(output, rows, "Peaks while logging (sampled every 50 ms) and, in brackets, each figure at the sample with the highest working set:",
            "| jobs | working set MB | private MB | GC heap MB | left by the last GC MB | GC committed MB | events in flight | buffer MB | segments live / idle | segment arrays MB | formatted chunks MB | streams | streams with events | events pending | pending arrays MB |",
            (_, s) => Line($"| {s["jobs"]:N0} | {Both(s, "ws", 1e6)} | {Both(s, "private", 1e6)} | {Both(s, "gc_heap", 1e6)} | {Both(s, "gc_after", 1e6)} | {Both(s, "gc_committed", 1e6)} | {Both(s, "events", 1, "N0")} | {Both(s, "bytes", 1e6)} | {s["peak_seg_live"]:0} / {s["peak_seg_idle"]:0} ({s["at_seg_live"]:0} / {s["at_seg_idle"]:0}) | {Both(s, "seg_mb", 1)} | {Both(s, "store_mb", 1)} | {Both(s, "streams", 1, "N0")} | {Both(s, "pend_streams", 1, "N0")} | {Both(s, "pend_events", 1, "N0")} | {Both(s, "pend_mb", 1)} |"));
        await TableAsync(output, rows, "At rest, after a full compacting GC:",
            "| jobs | heap MB | gen0 / gen1 / gen2 / LOH / POH MB | GC committed MB | working set MB | JIT'd methods |",
            (_, s) => Line($"| {s["jobs"]:N0} | {s["heap"] / 1e6:0.00} | {s["end_gen0"] / 1e6:0.00} / {s["end_gen1"] / 1e6:0.00} / {s["end_gen2"] / 1e6:0.00} / {s["end_loh"] / 1e6:0.00} / {s["end_poh"] / 1e6:0.00} | {s["end_committed"] / 1e6:0.0} | {s["end_ws"] / 1e6:0.0} | {s["jit_methods"]:N0} |"));
        if (rows.Any(r => r.Sample["live_heap"] > 0))
        {
            await TableAsync(output, rows, "Live heap (--live: one full blocking GC when the streams first held half the run's most events formatted), and per formatted event over the heap at rest:",
                "| jobs | events in flight | formatted (pending) | live heap MB | bytes per formatted event | pending arrays MB | formatted chunks MB | segment arrays MB | streams / with events |",
                (_, s) => s["live_heap"] == 0 ? Line($"| {s["jobs"]:N0} | not reached | | | | | | | |") : Line($"| {s["jobs"]:N0} | {s["live_events"]:N0} | {s["live_pend_events"]:N0} | {s["live_heap"] / 1e6:0.0} | {(s["live_heap"] - s["heap"]) / Math.Max(1, s["live_pend_events"]):0} | {s["live_pend_mb"]:0.0} | {s["live_store_mb"]:0.0} | {s["live_seg_mb"]:0.0} | {s["live_streams"]:N0} / {s["live_pend_streams"]:N0} |"));
        }

        await JitTableAsync(output, rows, warm ? "jit_run_" : "jit_", warm
            ? "Compilations during the measured run, by tier (the warm-up's are not counted; cut where the runtime had written its summary up to):"
            : "Compilations by tier, the whole child (DOTNET_JitDisasmSummary):");
        await output.WriteLineAsync();
        // From the first size, and from the middle one: past 10,000 jobs the default buffer is full and every cache at
        // its bound, so the second line shows growth in jobs alone, the first also growth in events in flight.
        var last = rows[^1].Sample;
        foreach (var first in new[] { rows[0].Sample, rows[^2].Sample })
        {
            await output.WriteLineAsync(Line(
                $"Growth {first["jobs"]:N0} -> {last["jobs"]:N0} jobs: working set {Growth(first, last, "peak_ws_os")}, heap {Growth(first, last, "heap")}, threads {Growth(first, last, "peak_threads")}, streams {Growth(first, last, "peak_streams")}.  "));
        }

        await output.WriteLineAsync();
    }

    /// <summary>
    /// Cold against warm, per size: the peak working set, the warm child's working set when its measured run started,
    /// and what the run added to it; growth from the first size to the last in each mode. The warm child's growth is what
    /// the jobs add; the rest of the cold child's growth is the runtime's own (code compiled and tiered over a longer run).
    /// </summary>
    public static async Task WriteSplitAsync(IReadOnlyList<(long Acked, ScalingSample Sample)> cold, IReadOnlyList<(long Acked, ScalingSample Sample)> warm, TextWriter output)
    {
        await output.WriteLineAsync("## B4 growth split: cold against warm children");
        var rows = cold.Zip(warm, (c, w) => (c.Acked, Sample: Pair(c.Sample, w.Sample))).ToList();
        await TableAsync(output, rows, null,
            "| jobs | cold: peak working set MB | cold: compilations (Tier1 + instrumented) | warm: working set after warm-up MB | warm: peak working set MB | warm: run added MB | warm: compilations during run (Tier1 + instrumented) | warm: peak GC heap MB |",
            (_, s) => Line($"| {s["jobs"]:N0} | {s["c_peak_ws_os"] / 1e6:0.0} | {s["c_jit_total"]:N0} ({s["c_jit_tier1"] + s["c_jit_tier1_instr"]:N0}) | {s["w_warm_ws"] / 1e6:0.0} | {s["w_peak_ws_os"] / 1e6:0.0} | {(s["w_peak_ws_os"] - s["w_warm_ws"]) / 1e6:0.0} | {s["w_jit_run_total"]:N0} ({s["w_jit_run_tier1"] + s["w_jit_run_tier1_instr"]:N0}) | {s["w_peak_gc_heap"] / 1e6:0.0} |"));
        await output.WriteLineAsync();
        var (first, last) = (rows[0].Sample, rows[^1].Sample);
        await output.WriteLineAsync(Line(
            $"Growth {first["jobs"]:N0} -> {last["jobs"]:N0} jobs, peak working set: cold {Growth(first, last, "c_peak_ws_os")}, warm {Growth(first, last, "w_peak_ws_os")}; compilations: cold {Growth(first, last, "c_jit_total")}, warm run {Growth(first, last, "w_jit_run_total")}.  "));
        await output.WriteLineAsync();
    }

    private static ScalingSample Pair(ScalingSample cold, ScalingSample warm)
    {
        var values = cold.Values.ToDictionary(p => "c_" + p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (name, value) in warm.Values)
        {
            values["w_" + name] = value;
        }

        values["jobs"] = cold["jobs"];
        return new ScalingSample(values);
    }

    private static Task JitTableAsync(TextWriter output, IReadOnlyList<(long Acked, ScalingSample Sample)> rows, string prefix, string title) =>
        TableAsync(output, rows, title,
            "| jobs | compilations | " + string.Join(" | ", JitSummary.Tiers.Select(t => t.Tier)) + " |",
            (_, s) => Line($"| {s["jobs"]:N0} | {s[prefix + "total"]:N0} | ") + string.Join(" | ", JitSummary.Tiers.Select(t => s[prefix + t.Name].ToString("N0", CultureInfo.InvariantCulture))) + " |");

    private static async Task TableAsync(TextWriter output, IReadOnlyList<(long Acked, ScalingSample Sample)> rows, string? title, string header, Func<long, ScalingSample, string> row)
    {
        await output.WriteLineAsync();
        if (title is not null)
        {
            await output.WriteLineAsync(title);
            await output.WriteLineAsync();
        }

        await output.WriteLineAsync(header);
        var columns = header.Count(c => c == '|') - 1;
        await output.WriteLineAsync(string.Concat(Enumerable.Repeat("|---:", columns)) + "|");
        foreach (var (acked, sample) in rows)
        {
            await output.WriteLineAsync(row(acked, sample));
        }
    }

    private static string Both(ScalingSample s, string name, double unit, string format = "0.0") =>
        Line($"{(s["peak_" + name] / unit).ToString(format, CultureInfo.InvariantCulture)} ({(s["at_" + name] / unit).ToString(format, CultureInfo.InvariantCulture)})");

    private static string Growth(ScalingSample from, ScalingSample to, string name) =>
        from[name] == 0 ? "n/a" : Line($"{(to[name] - from[name]) / from[name]:+0%;-0%;0%}");

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
