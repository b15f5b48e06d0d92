using MetaMock.JobLogging.Benchmarks.Delivery;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// B1's CloudWatch row: the real provider from <c>AddMetaMockLogging</c> in production + CloudWatch mode, its sender
/// running and really formatting, batching, signing (dummy credentials) and sending to <see cref="CloudWatchSink"/>.
/// The buffer is sized so one benchmark iteration fits; the iteration setup waits until the sender has delivered
/// everything, so the measured calls take the accepted path. The sender's figures are printed at the end, so any drop
/// would be visible. With <c>networkLatency</c>, the sink holds its answers during each iteration (as a distant
/// endpoint's round trip would), so the sender waits on the network and the row shows the capture cost alone. With
/// <c>spool</c>, events wait in a memory-mapped spool (sync <c>none</c>) in a fresh temporary directory instead of
/// memory segments; the directory is deleted after the provider.
/// </summary>
internal sealed class CloudWatchBench : IDisposable
{
    // One BenchmarkDotNet iteration, with room to spare.
    private const int BufferEvents = 2 * LogCallBenchmarks.CloudWatchCallsPerIteration;
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(2);

    private readonly CloudWatchSink _sink;
    private readonly ServiceProvider _services;
    private readonly MetaMockLoggingDiagnostics _diagnostics;
    private readonly bool _networkLatency;
    private readonly TempSpool? _spool;

    private CloudWatchBench(CloudWatchSink sink, ServiceProvider services, bool networkLatency, TempSpool? spool)
    {
        _sink = sink;
        _spool = spool;
        _networkLatency = networkLatency;
        _services = services;
        _diagnostics = services.GetRequiredService<MetaMockLoggingDiagnostics>();
        Logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bench.Images");
    }

    public ILogger Logger { get; }

    public static CloudWatchBench Start(bool networkLatency, bool spool = false)
    {
        // Dummy credentials for AWSSDK.Core's default chain (the production path); nothing tries instance metadata.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDBENCHMARKONLY000");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "benchmark-only-not-a-secret");
        var sink = CloudWatchSink.StartAsync().GetAwaiter().GetResult();
        var spoolDirectory = spool ? new TempSpool() : null;
        var services = new ServiceCollection()
            .AddLogging(b => b.AddMetaMockLogging(o =>
            {
                o.Environment = MetaMockEnvironment.Production;
                o.UseCloudWatch = true;
                o.ServiceUrl = sink.Url;
                o.LogGroup = "bench";
                o.ServiceName = "bench";
                o.MaxBufferedEvents = BufferEvents;
                o.MaxBufferedBytes = 1024L * 1024 * 1024;
                o.SpoolDirectory = spoolDirectory?.Path;
                o.SpoolSync = SpoolSync.None;
            }))
            .BuildServiceProvider();
        return new CloudWatchBench(sink, services, networkLatency, spoolDirectory);
    }

    /// <summary>Lets the sender deliver everything, then (with network latency) holds the sink's answers again.</summary>
    public void WaitUntilDelivered()
    {
        _sink.Answer();
        SpinWait.SpinUntil(() => _diagnostics.QueuedEvents == 0, CatchUpTimeout);

        if (_networkLatency)
        {
            _sink.Hold();
        }
    }

    public void Dispose()
    {
        _sink.Answer();
        _services.Dispose();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _spool?.Dispose();
        var dropped = string.Join(", ", _diagnostics.DroppedByReason.Select(p => $"{p.Key}={p.Value}"));
        BenchReport.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"// CloudWatch sender{(_networkLatency ? " (network latency)" : string.Empty)}{(_spool is null ? string.Empty : " (spool)")}: sent={_diagnostics.EventsSent} dropped={_diagnostics.EventsDropped} ({dropped}) console={_diagnostics.EventsWrittenToConsole} calls to the sink={_sink.Recorder.Calls} last error={_diagnostics.LastError ?? "none"}"));
    }

}
