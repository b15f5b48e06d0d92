using System.Diagnostics;
using System.Globalization;
using MetaMock.JobLogging;
using MetaMock.JobLogging.CrashWorker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var arguments = CrashArguments.Parse(args);
using var meter = new MeterTotals();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = Environments.Production });
builder.Logging.ClearProviders();
// The host's own start and stop lines stay out: every line is the test's, and all a restarted worker sends is replayed.
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
builder.Logging.AddMetaMockLogging(options =>
{
    options.Environment = MetaMockEnvironment.Production;
    options.UseCloudWatch = true;
    options.ServiceUrl = arguments.Endpoint;
    options.LogGroup = arguments.Group;
    options.ServiceName = "crash-worker";
    options.Format = arguments.Format;
    options.FlushInterval = TimeSpan.FromMilliseconds(100);
    options.SpoolDirectory = arguments.Spool;
    // A log call that returned must have kept its line: with Wait a full buffer holds the caller instead of dropping
    // the line. The bounds also keep what is in flight at the kill small, so a restart delivers it in seconds.
    options.BufferFullMode = BufferFullMode.Wait;
    options.MaxBufferedEvents = 20_000;
    options.MaxSpoolBytes = 8L << 20;
    options.ShutdownTimeout = TimeSpan.FromSeconds(60);
});

MetaMockLoggingDiagnostics diagnostics;
var clock = Stopwatch.StartNew();
using (var host = builder.Build())
{
    await host.StartAsync().ConfigureAwait(false);
    diagnostics = host.Services.GetRequiredService<MetaMockLoggingDiagnostics>();
    if (arguments.Drain)
    {
        Console.WriteLine("draining");
        var quiet = await DrainMode.WaitUntilQuietAsync(diagnostics, meter).ConfigureAwait(false);
        Console.WriteLine(quiet ? $"quiet after {Seconds(clock)} s" : $"still busy after {Seconds(clock)} s; disposing anyway");
    }
    else
    {
        using var progress = new ProgressFile(arguments.Progress!, arguments.Streams);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CrashWorker");
        Console.WriteLine("logging");
        LogMode.Run(logger, arguments, progress);
        Console.WriteLine($"logged {arguments.Count} lines per stream in {Seconds(clock)} s");
    }

    await host.StopAsync().ConfigureAwait(false);
}

// Disposing the host disposed the provider, which delivered what was left or counted it.
Console.WriteLine(DiagnosticsLine.Format(diagnostics, meter));
return 0;

static string Seconds(Stopwatch clock) => clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
