using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NLog.Extensions.Logging;
using Serilog;
using Serilog.Context;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Display;
using ZLogger;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// B1: the cost of one log call on the caller's thread, with a four-field job context active, for this project and
/// its peers. Every stack writes a text line (timestamp, level, category, message, the four fields) to a null sink.
/// </summary>
[MemoryDiagnoser]
public class LogCallBenchmarks
{
    /// <summary>Calls per iteration of the CloudWatch row; its buffer holds more than this.</summary>
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
    public void SetupMetaMockCloudWatch()
    {
        System.Console.SetOut(TextWriter.Null);
        _cloudWatch = CloudWatchBench.Start();
        _logger = _cloudWatch.Logger;
        MetaMockLogContext.SetUserContext("123");
        MetaMockLogContext.SetJobContext("bulk-abc123", "generate_images", "run-456");
    }

    /// <summary>Each iteration starts with the sender caught up, so every measured call is accepted (lossless), not dropped.</summary>
    [IterationSetup(Target = nameof(MetaMockCloudWatch))]
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
        var factory = LoggerFactory.Create(b => b.AddZLoggerStream(Stream.Null, o =>
        {
            o.IncludeScopes = true;
            o.FullMode = BackgroundBufferFullMode.Block;
            o.BackgroundBufferCapacity = 10_000;
            o.UsePlainTextFormatter(f => f.SetPrefixFormatter($"{0:timestamp} {1:short} {2} ", (in MessageTemplate t, in LogInfo info) => t.Format(info.Timestamp, info.LogLevel, info.Category)));
        }));
        _owner = factory;
        UseMelLogger(factory);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ReportCallerThreadBytes();
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

    [Benchmark(OperationsPerInvoke = CloudWatchCallsPerIteration)]
    public void MetaMockCloudWatch()
    {
        for (var i = 0; i < CloudWatchCallsPerIteration; i++)
        {
            _logger.LogInformation(Template, Count, PresetId);
        }
    }

    [Benchmark]
    public void MicrosoftConsole() => _logger.LogInformation(Template, Count, PresetId);

    [Benchmark]
    public void SerilogAsync() => _logger.LogInformation(Template, Count, PresetId);

    [Benchmark]
    public void NLogAsync() => _logger.LogInformation(Template, Count, PresetId);

    [Benchmark]
    public void ZLoggerStream() => _logger.LogInformation(Template, Count, PresetId);

    /// <summary>
    /// BenchmarkDotNet's Allocated column counts every thread of the process, so for the asynchronous stacks it also
    /// holds their background work (formatting, sending, and for the CloudWatch row the in-process sink). B1 is about
    /// the caller's thread, so this prints what the call itself allocates, measured on this thread alone.
    /// </summary>
    private void ReportCallerThreadBytes()
    {
        const int calls = 100_000;
        _cloudWatch?.WaitUntilDelivered();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            _logger.LogInformation(Template, Count, PresetId);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
        BenchReport.Line(string.Create(CultureInfo.InvariantCulture, $"// Caller-thread bytes per call: {perCall:0.#}"));
    }

    private void UseMelLogger(ILoggerFactory factory)
    {
        _logger = factory.CreateLogger("Bench.Images");
        _scopes.Add(_logger.BeginScope(JobContextFields.Pairs)!);
    }
}
