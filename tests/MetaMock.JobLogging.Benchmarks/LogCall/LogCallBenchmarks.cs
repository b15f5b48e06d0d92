using System.Globalization;
using BenchmarkDotNet.Attributes;
using MetaMock.JobLogging.JobBench.Measurement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NLog.Extensions.Logging;
using Serilog;
using Serilog.Context;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Display;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// B1: the cost of one log call on the caller's thread, with a four-field job context active, for this project and
/// its peers. Every stack writes a text line (timestamp, level, category, message, the four fields) to a null sink.
/// </summary>
/// <remarks>
/// The CloudWatch rows are one loop of <see cref="CloudWatchCallsPerIteration"/> calls per iteration (BenchmarkDotNet
/// divides by that count): their iteration setup waits until the sender has delivered the previous iteration, so every
/// measured call is accepted (none dropped), and the calls fit the buffer.
/// </remarks>
[MemoryDiagnoser]
public class LogCallBenchmarks
{
    /// <summary>Calls per iteration of the CloudWatch rows; their buffer holds more than this.</summary>
    public const int CloudWatchCallsPerIteration = 200_000;

    private const string Template = "Generated {Count} images for {PresetId}";
    private const int Count = 12;
    private const string PresetId = "preset-42";

    private ILogger _logger = NullLogger.Instance;
    private IDisposable? _owner;
    private CloudWatchBench? _cloudWatch;
    private readonly List<IDisposable> _scopes = [];

    [GlobalSetup(Target = nameof(NullLoggerFloor))]
    public void SetupNull() => _logger = NullLogger.Instance;

    [GlobalSetup(Target = nameof(MetaMockConsole))]
    public void SetupMetaMockConsole()
    {
        System.Console.SetOut(TextWriter.Null);
        var services = new ServiceCollection().AddLogging(b => b.AddMetaMockLogging()).BuildServiceProvider();
        _owner = services;
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bench.Images");
        MetaMockLogContext.SetUserContext("123");
        MetaMockLogContext.SetJobContext("bulk-abc123", "generate_images", "run-456");
    }

    [GlobalSetup(Target = nameof(MetaMockCloudWatch))]
    public void SetupMetaMockCloudWatch() => StartCloudWatch(networkLatency: false);

    [GlobalSetup(Target = nameof(MetaMockCloudWatchNetworkWait))]
    public void SetupMetaMockCloudWatchNetworkWait() => StartCloudWatch(networkLatency: true);

    [GlobalSetup(Target = nameof(MetaMockCloudWatchSpool))]
    public void SetupMetaMockCloudWatchSpool() => StartCloudWatch(networkLatency: false, spool: true);

    /// <summary>Each iteration starts with the sender caught up, so every measured call is accepted (lossless), not dropped.</summary>
    [IterationSetup(Targets = [nameof(MetaMockCloudWatch), nameof(MetaMockCloudWatchNetworkWait), nameof(MetaMockCloudWatchSpool)])]
    public void WaitForSenderToCatchUp() => _cloudWatch?.WaitUntilDelivered();

    [GlobalSetup(Target = nameof(MicrosoftConsole))]
    public void SetupMicrosoftConsole()
    {
        System.Console.SetOut(TextWriter.Null);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "O"; o.SingleLine = true; }))
            .BuildServiceProvider();
        _owner = services;
        UseMelLogger(services.GetRequiredService<ILoggerFactory>());
    }

    [GlobalSetup(Target = nameof(SerilogAsync))]
    public void SetupSerilog()
    {
        var serilog = new LoggerConfiguration()
            .Enrich.FromLogContext()
            .WriteTo.Async(
                a => a.Sink(new NullTextSink(new MessageTemplateTextFormatter(
                    "{Timestamp:O} [{Level:u3}] {SourceContext} {user_id} {job_id} {task_name} {task_run_id} {Message:lj}{NewLine}{Exception}"))),
                blockWhenFull: true)
            .CreateLogger();
        var factory = new SerilogLoggerFactory(serilog, dispose: true);
        _owner = factory;
        _logger = factory.CreateLogger("Bench.Images");
        foreach (var (key, value) in JobContextFields.Pairs)
        {
            _scopes.Add(LogContext.PushProperty(key, value));
        }
    }

    [GlobalSetup(Target = nameof(NLogAsync))]
    public void SetupNLog()
    {
        var config = new NLog.Config.LoggingConfiguration();
        var target = new NLog.Targets.NullTarget("null")
        {
            FormatMessage = true,
            Layout = "${longdate}|${level}|${logger}|${scopeproperty:user_id}|${scopeproperty:job_id}|${scopeproperty:task_name}|${scopeproperty:task_run_id}|${message}",
        };
        var async = new NLog.Targets.Wrappers.AsyncTargetWrapper(target)
        {
            OverflowAction = NLog.Targets.Wrappers.AsyncTargetWrapperOverflowAction.Block,
            QueueLimit = 10_000,
        };
        config.AddRuleForAllLevels(async);
        var logFactory = new NLog.LogFactory { Configuration = config };
        var factory = LoggerFactory.Create(b => b.AddProvider(new NLogLoggerProvider(new NLogProviderOptions(), logFactory)));
        _owner = factory;
        UseMelLogger(factory);
    }

    [GlobalSetup(Target = nameof(ZLoggerStream))]
    public void SetupZLogger()
    {
        var factory = LoggerFactory.Create(b => b.AddZLoggerPeer());
        _owner = factory;
        UseMelLogger(factory);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ReportCallerThreadCost();
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        _scopes.Clear();
        _owner?.Dispose();
        _cloudWatch?.Dispose();
        MetaMockLogContext.ClearAllContext();
    }

    [Benchmark(Baseline = true)]
    public void NullLoggerFloor() => _logger.LogInformation(Template, Count, PresetId);

    [Benchmark]
    public void MetaMockConsole() => _logger.LogInformation(Template, Count, PresetId);

    /// <summary>The sender drains, formats, signs and sends to the local sink while the calls run (sharing this machine's CPUs).</summary>
    [Benchmark(OperationsPerInvoke = CloudWatchCallsPerIteration)]
    public void MetaMockCloudWatch() => LogCloudWatchIteration();

    /// <summary>The same, with the sink holding its answers during the iteration: the sender waits on the network, as it mostly does against a distant endpoint.</summary>
    [Benchmark(OperationsPerInvoke = CloudWatchCallsPerIteration)]
    public void MetaMockCloudWatchNetworkWait() => LogCloudWatchIteration();

    /// <summary>The sender-draining row with the spool on (sync none): the call writes its record into a memory-mapped file.</summary>
    [Benchmark(OperationsPerInvoke = CloudWatchCallsPerIteration)]
    public void MetaMockCloudWatchSpool() => LogCloudWatchIteration();

    [Benchmark]
    public void MicrosoftConsole() => _logger.LogInformation(Template, Count, PresetId);

    [Benchmark]
    public void SerilogAsync() => _logger.LogInformation(Template, Count, PresetId);

    [Benchmark]
    public void NLogAsync() => _logger.LogInformation(Template, Count, PresetId);

    [Benchmark]
    public void ZLoggerStream() => _logger.LogInformation(Template, Count, PresetId);

    private void StartCloudWatch(bool networkLatency, bool spool = false)
    {
        System.Console.SetOut(TextWriter.Null);
        _cloudWatch = CloudWatchBench.Start(networkLatency, spool);
        _logger = _cloudWatch.Logger;
        MetaMockLogContext.SetUserContext("123");
        MetaMockLogContext.SetJobContext("bulk-abc123", "generate_images", "run-456");
    }

    private void LogCloudWatchIteration()
    {
        for (var i = 0; i < CloudWatchCallsPerIteration; i++)
        {
            _logger.LogInformation(Template, Count, PresetId);
        }
    }

    /// <summary>
    /// BenchmarkDotNet's Allocated column counts every thread of the process, so for the asynchronous stacks it also
    /// holds their background work; and on a shared machine its time includes waiting for a CPU. B1 is about the
    /// caller's thread, so this prints what the call itself allocates and the CPU time it uses, measured on this
    /// thread alone (the scheduler's own figure from /proc, so time-slicing with other work does not count).
    /// </summary>
    private void ReportCallerThreadCost()
    {
        _cloudWatch?.WaitUntilDelivered();
        var calls = CloudWatchCallsPerIteration;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpu.Microseconds();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            _logger.LogInformation(Template, Count, PresetId);
        }

        var wall = clock.Elapsed.TotalNanoseconds / calls;
        var cpu = (ThreadCpu.Microseconds() - cpuBefore) * 1_000 / calls;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / (double)calls;
        BenchReport.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"// Caller thread per call ({calls:N0} calls): {bytes:0.#} B allocated, {cpu:0} ns CPU, {wall:0} ns wall"));
    }

    private void UseMelLogger(ILoggerFactory factory)
    {
        _logger = factory.CreateLogger("Bench.Images");
        _scopes.Add(_logger.BeginScope(JobContextFields.Pairs)!);
    }
}
