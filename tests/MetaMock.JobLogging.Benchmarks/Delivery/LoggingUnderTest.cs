using MetaMock.JobLogging.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// The real provider, built the way an application builds it (<c>AddMetaMockLogging</c>, production, CloudWatch on),
/// with its endpoint pointed at the local sink and dummy credentials from the environment. Disposing it flushes.
/// </summary>
internal sealed class LoggingUnderTest : IDisposable
{
    private readonly ServiceProvider _services;

    private LoggingUnderTest(ServiceProvider services)
    {
        _services = services;
        Logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bench.Delivery");
        Diagnostics = services.GetRequiredService<MetaMockLoggingDiagnostics>();
        Counters = services.GetRequiredService<SenderCounters>();
    }

    public ILogger Logger { get; }

    public MetaMockLoggingDiagnostics Diagnostics { get; }

    /// <summary>The sender's counters, with what the CloudWatch path holds in memory (B4's breakdown).</summary>
    internal SenderCounters Counters { get; }

    /// <summary>Dummy credentials for the signer; no instance-metadata lookups. Set once, before any provider is built.</summary>
    public static void UseDummyCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "benchmark-secret");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public static LoggingUnderTest Start(Uri sink, Action<MetaMockLoggingOptions>? tune = null)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.AddMetaMockLogging(o =>
            {
                o.Environment = MetaMockEnvironment.Production;
                o.UseCloudWatch = true;
                o.ServiceUrl = sink;
                o.LogGroup = "bench";
                o.ServiceName = "bench";
                // Lossless: a producer faster than delivery is slowed down, so what is measured is delivery.
                o.BufferFullMode = BufferFullMode.Wait;
                tune?.Invoke(o);
            }))
            .BuildServiceProvider();
        return new LoggingUnderTest(services);
    }

    public void Dispose() => _services.Dispose();
}
