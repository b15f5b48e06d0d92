using System.Diagnostics;
using System.Globalization;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Sending.Buffer;
using MetaMock.JobLogging.JobBench.Measurement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// <c>stages [--rounds N]</c>: B1's call taken apart on one thread. Each stage of the CloudWatch capture runs alone in
/// a loop of <see cref="Calls"/> iterations with the call's own state (the probe logger receives MEL's template state
/// and times each stage inside its <c>Log</c>), beside the whole call (memory segments and spool) and MEL's floor, in
/// the same process. Each row is the median over the rounds, in ns per iteration; stages are not additive to the ns
/// (caches stay warm in a loop of one stage), they show where the call's time goes.
/// </summary>
internal static class CallStages
{
    public const int Calls = LogCallBenchmarks.CloudWatchCallsPerIteration;
    private const string Template = "Generated {Count} images for {PresetId}";
    private const int Count = 12;
    private const string PresetId = "preset-42";

    public static int Run(string[] args)
    {
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(7);
        Console.SetOut(TextWriter.Null);
        MetaMockLogContext.SetUserContext("123");
        MetaMockLogContext.SetJobContext("bulk-abc123", "generate_images", "run-456");
        var rows = new List<(string Name, (double Cpu, double Wall) Ns)>();
        void Row(string name, Action<int> loop, Action? between = null) => rows.Add((name, Median(rounds, loop, between)));

        Row("NullLogger floor", n => LogLoop(NullLogger.Instance, n));
        using (var factory = LoggerFactory.Create(b => b.AddProvider(new NoopProvider())))
        {
            var melOnly = factory.CreateLogger("Bench.Images");
            Row("MEL dispatch to a no-op logger", n => LogLoop(melOnly, n));
        }

        foreach (var spool in new[] { false, true })
        {
            using var bench = CloudWatchBench.Start(networkLatency: false, spool);
            Row(spool ? "Whole call, spool (sync none)" : "Whole call, memory segments", n => LogLoop(bench.Logger, n), bench.WaitUntilDelivered);
        }

        new StageProbe(rows, rounds).LogInformation(Template, Count, PresetId);
        var output = Console.Error;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// B1 call stages, median of {rounds} rounds of {Calls:N0}, ns per iteration"));
        output.WriteLine("| stage | thread CPU ns | wall ns |");
        output.WriteLine("|---|---:|---:|");
        foreach (var (name, (cpu, wall)) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpu:0.0} | {wall:0.0} |"));
        }

        MetaMockLogContext.ClearAllContext();
        return 0;
    }

    private static void LogLoop(ILogger logger, int n)
    {
        for (var i = 0; i < n; i++)
        {
            logger.LogInformation(Template, Count, PresetId);
        }
    }

    // Medians of the thread's own CPU time and of the wall time: on a shared machine the wall time also holds waiting for a CPU.
    private static (double Cpu, double Wall) Median(int rounds, Action<int> loop, Action? between)
    {
        loop(Calls / 10);
        between?.Invoke();
        var cpu = new double[rounds];
        var wall = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var cpuBefore = ThreadCpu.Microseconds();
            var clock = Stopwatch.StartNew();
            loop(Calls);
            wall[r] = clock.Elapsed.TotalNanoseconds / Calls;
            cpu[r] = (ThreadCpu.Microseconds() - cpuBefore) * 1_000 / Calls;
            between?.Invoke();
        }

        Array.Sort(cpu);
        Array.Sort(wall);
        return (cpu[rounds / 2], wall[rounds / 2]);
    }

    /// <summary>Receives the call's own state and formatter, then times each stage of the capture with them.</summary>
    private sealed class StageProbe(List<(string Name, (double Cpu, double Wall) Ns)> rows, int rounds) : ILogger
    {
        private long _counter;
        private long _other;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            void Row(string name, Action<int> loop, Action? between = null) => rows.Add((name, Median(rounds, loop, between)));
            var time = TimeProvider.System;
            var pool = new MemorySegmentPool();
            var tables = new InternTables();
            var log = new SegmentLog(pool, tables);
            var category = tables.Category("Bench.Images");
            // Kept for every row: a holder of its own, so the thread's stays free for the TryDefer row.
            DeferredMessage.TryDefer(state, formatter)!.Release();
            var deferred = TemplateState<TState>.Create();
            deferred.Value = state;
            var e = new LogEvent(time.GetUtcNow().UtcTicks, logLevel, category, MetaMockLogContext.Current, deferred, null, null, null, 0, TypedValues<TState>.Reader);
            var scratch = EncodeScratch.Current;
            var encoder = new RecordEncoder(tables);
            var plan = encoder.Plan(e, scratch);
            var body = RecordEncoder.BodySize(e, plan, epoch: 0, out var definitions);
            scratch.Clear();
            var frame = new byte[RecordFrame.Size(body)];

            Row("TimeProvider.System.GetUtcNow", n => { for (var i = 0; i < n; i++) { _other += time.GetUtcNow().UtcTicks; } });
            Row("MetaMockLogContext.Current", n => { for (var i = 0; i < n; i++) { _other += MetaMockLogContext.Current is null ? 0 : 1; } });
            Row("DeferredMessage.TryDefer", n => { for (var i = 0; i < n; i++) { var held = DeferredMessage.TryDefer(state, formatter); _other += held is null ? 0 : 1; held?.Release(); } });
            Row("Encoder Plan (interning, values) + scratch clear", n => { for (var i = 0; i < n; i++) { _other += encoder.Plan(e, scratch).EventSize; scratch.Clear(); } });
            Row("Template lookup (InternTables.Template)", n =>
            {
                var list = deferred;
                for (var i = 0; i < n; i++)
                {
                    _other += tables.Template(Template, list, 2).Id;
                }
            });
            Row("Context lookup (InternTables.Context)", n => { for (var i = 0; i < n; i++) { _other += tables.Context(e.Context!).Id; } });
            Row("BodySize", n => { for (var i = 0; i < n; i++) { _other += RecordEncoder.BodySize(e, plan, 0, out _); } });
            Row("Plan + Write + clear", n =>
            {
                for (var i = 0; i < n; i++)
                {
                    var p = encoder.Plan(e, scratch);
                    RecordEncoder.Write(frame.AsSpan(RecordFrame.HeaderSize, body), e, p, definitions, scratch);
                    scratch.Clear();
                }
            });
            Row("Frames.Commit with CRC-32C (spool)", n => { for (var i = 0; i < n; i++) { Frames.Commit(frame, body); } });
            Row("Frames.Commit, length only (memory)", n => { for (var i = 0; i < n; i++) { Frames.Commit(frame, body, checksum: false); } });
            Row("MarkDefined", n => { for (var i = 0; i < n; i++) { RecordEncoder.MarkDefined(e, plan, Definitions.None, 1); } });
            Row("One interlocked add (TryReserve)", n => { for (var i = 0; i < n; i++) { Interlocked.Add(ref _counter, 8); } });
            Row("Four locked ops on one cache line (for scale)", n =>
            {
                for (var i = 0; i < n; i++)
                {
                    Interlocked.Increment(ref _counter);
                    _other += Interlocked.Read(ref _other);
                    Interlocked.Add(ref _counter, 40);
                    Interlocked.Increment(ref _counter);
                }
            });
            Row("Two locked ops on one cache line (for scale)", n =>
            {
                for (var i = 0; i < n; i++)
                {
                    Interlocked.Increment(ref _counter);
                    Interlocked.Add(ref _other, 40);
                }
            });
            var reader = new SegmentLogReader(log);
            Row("SegmentLog.Append (plan, size, reserve, write, commit)", n => { for (var i = 0; i < n; i++) { log.Append(e); } }, () => Drain(reader));
            var buffered = new SegmentLog(new MemorySegmentPool(), tables);
            var buffer = new RecordBuffer(buffered, long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue, static () => { });
            var bufferReader = new SegmentLogReader(buffered);
            Row("RecordBuffer.Append (+ its counters)", n => { for (var i = 0; i < n; i++) { buffer.Append(e, false, out _); } }, () =>
            {
                Drain(bufferReader);
                buffer.MarkRead((int)buffer.Queued);
                buffer.Release(buffer.Events, buffer.Bytes);
            });
        }

        private static void Drain(SegmentLogReader reader)
        {
            while (reader.TryRead(out _, out var segment) == ReadStatus.Event)
            {
                segment!.Settle(1);
            }
        }
    }

    private sealed class NoopProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => NoopLogger.Instance;

        public void Dispose()
        {
        }
    }

    private sealed class NoopLogger : ILogger
    {
        public static readonly NoopLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
