using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Routing;
using MetaMock.JobLogging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// A real service provider with <c>AddMetaMockLogging()</c> in production + CloudWatch mode against a test endpoint.
/// Only the process boundaries are swapped: the console route records lines, the sender's stderr/stdout are writers
/// the test reads, and the environment is an empty set so the machine's variables can't change the outcome.
/// </summary>
public sealed class LoggingHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private int _disposed;

    private LoggingHarness(ServiceProvider services, CapturingLoggerProvider console, LockedWriter warnings, LockedWriter fallback)
    {
        _services = services;
        Console = console;
        Warnings = warnings;
        FallbackEvents = fallback;
        Factory = services.GetRequiredService<ILoggerFactory>();
        Diagnostics = services.GetRequiredService<MetaMockLoggingDiagnostics>();
    }

    public ILoggerFactory Factory { get; }

    /// <summary>What the console route received (the lines a terminal would show).</summary>
    public CapturingLoggerProvider Console { get; }

    /// <summary>The sender's own warnings (stderr).</summary>
    public LockedWriter Warnings { get; }

    /// <summary>Events the sender wrote to stdout after giving up CloudWatch.</summary>
    public LockedWriter FallbackEvents { get; }

    /// <summary>The sender's read-only view; still readable after dispose, for the final figures.</summary>
    public MetaMockLoggingDiagnostics Diagnostics { get; }

    internal static LoggingHarness Start(
        Uri endpoint,
        string group,
        Action<MetaMockLoggingOptions>? configure = null,
        TimeProvider? time = null,
        ICloudWatchClientSource? clients = null)
    {
        var services = new ServiceCollection();
        var console = new CapturingLoggerProvider();
        var warnings = new LockedWriter();
        var fallback = new LockedWriter();
        services.AddSingleton(new EnvironmentVariables(_ => null));
        services.AddSingleton(new ConsoleRoute(console));
        services.AddSingleton(new SenderOutput(warnings, fallback));
        services.AddSingleton(new StartupReport(TextWriter.Null, exit: null));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        if (clients is not null)
        {
            services.AddSingleton(clients);
        }

        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddMetaMockLogging(o =>
            {
                o.Environment = MetaMockEnvironment.Production;
                o.UseCloudWatch = true;
                o.ServiceUrl = endpoint;
                o.LogGroup = group;
                o.ServiceName = "svc";
                o.FlushInterval = TimeSpan.FromMilliseconds(100);
                configure?.Invoke(o);
            }));
        return new LoggingHarness(services.BuildServiceProvider(), console, warnings, fallback);
    }

    public ILogger CreateLogger(string category = "test") => Factory.CreateLogger(category);

    /// <summary>Disposes the service provider: the logger factory, the provider and its shutdown flush.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _services.Dispose();
        }
    }
}
