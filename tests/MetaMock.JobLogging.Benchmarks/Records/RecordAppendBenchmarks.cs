using BenchmarkDotNet.Attributes;
using MetaMock.JobLogging.Benchmarks.LogCall;
using MetaMock.JobLogging.CloudWatch.Records;
using MetaMock.JobLogging.CloudWatch.Records.Spool;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Records;

/// <summary>
/// B1's call (<c>"Generated {Count} images for {PresetId}", 12, "preset-42"</c>, four-field context) encoded as a
/// record and appended to a memory segment or a memory-mapped spool segment, against today's CloudWatch capture (the
/// baseline, B1's CloudWatch row) in the same run. Each iteration starts with the previous one's records read and
/// settled, so segments are reused (memory) or created afresh and deleted (spool), as they would be in service.
/// </summary>
[MemoryDiagnoser]
public class RecordAppendBenchmarks
{
    private const int Calls = LogCallBenchmarks.CloudWatchCallsPerIteration;
    private const string Template = "Generated {Count} images for {PresetId}";
    private const int Count = 12;
    private const string PresetId = "preset-42";

    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private CloudWatchBench? _cloudWatch;
    private SegmentLog? _log;
    private SpoolSlot? _slot;
    private string? _spoolRoot;

    [GlobalSetup(Target = nameof(TodayCloudWatchCapture))]
    public void SetupToday()
    {
        System.Console.SetOut(TextWriter.Null);
        _cloudWatch = CloudWatchBench.Start(networkLatency: false);
        _logger = _cloudWatch.Logger;
        SetContext();
    }

    [GlobalSetup(Target = nameof(RecordIntoMemorySegment))]
    public void SetupMemory() => UseLog(new MemorySegmentPool());

    [GlobalSetup(Target = nameof(RecordIntoSpoolSegment))]
    public void SetupSpool()
    {
        _spoolRoot = Directory.CreateTempSubdirectory("spool-bench-").FullName;
        _slot = SpoolDirectory.TryClaim(_spoolRoot, SpoolLimits.Default, new SpoolCounters(), Console.Error.WriteLine)
            ?? throw new InvalidOperationException($"no spool slot in {_spoolRoot}");
        UseLog(_slot);
    }

    /// <summary>The sender caught up (today), or every record read and settled (records): each iteration starts alike.</summary>
    [IterationSetup]
    public void Drain()
    {
        _cloudWatch?.WaitUntilDelivered();
        if (_log is null)
        {
            return;
        }

        var reader = new SegmentLogReader(_log);
        while (reader.TryRead(out _, out var segment) == ReadStatus.Event)
        {
            segment!.Settle(1);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cloudWatch?.Dispose();
        _slot?.Dispose();
        if (_spoolRoot is not null)
        {
            Directory.Delete(_spoolRoot, recursive: true);
        }

        MetaMockLogContext.ClearAllContext();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public void TodayCloudWatchCapture() => LogIteration();

    [Benchmark(OperationsPerInvoke = Calls)]
    public void RecordIntoMemorySegment() => LogIteration();

    [Benchmark(OperationsPerInvoke = Calls)]
    public void RecordIntoSpoolSegment() => LogIteration();

    private static void SetContext()
    {
        MetaMockLogContext.SetUserContext("123");
        MetaMockLogContext.SetJobContext("bulk-abc123", "generate_images", "run-456");
    }

    private void UseLog(ISegmentSource source)
    {
        var tables = new InternTables();
        _log = new SegmentLog(source, tables);
        _logger = new RecordLogger(_log, tables, "Bench.Images");
        SetContext();
    }

    private void LogIteration()
    {
        for (var i = 0; i < Calls; i++)
        {
            _logger.LogInformation(Template, Count, PresetId);
        }
    }
}
