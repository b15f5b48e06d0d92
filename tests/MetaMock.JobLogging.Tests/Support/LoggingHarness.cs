using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.ConsoleOutput;
using MetaMock.JobLogging.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Tests.Support;

/// <summary>
/// The real registration (<c>AddMetaMockLogging</c>) in a real container, with three seams set: the environment
/// variables it sees, where configuration errors go, and a console route that keeps the formatted text; optionally
/// the CloudWatch client the sender talks to.
/// </summary>
internal sealed class LoggingHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public LoggingHarness(
        IDictionary<string, string?>? environment = null,
        IDictionary<string, string?>? configuration = null,
        Action<MetaMockLoggingOptions>? configure = null,
        TimeProvider? time = null,
        ICloudWatchClientSource? clients = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        if (clients is not null)
        {
            services.AddSingleton(clients);
        }

        var env = environment ?? new Dictionary<string, string?>();
        services.AddSingleton(new EnvironmentVariables(name => env.TryGetValue(name, out var value) ? value : null));
        services.AddSingleton(new ConfigurationErrorReporter(Errors));
        services.AddSingleton(new StartupReport(TextWriter.Null, exit: null));
        var config = Configuration = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(sp => new ConsoleRoute(Console = new FormattingConsoleProvider(sp.GetRequiredService<MetaMockConsoleFormatter>())));
        services.AddLogging(builder => builder.AddConfiguration(config.GetSection("Logging")).AddMetaMockLogging(configure));
        _services = services.BuildServiceProvider();
        Factory = _services.GetRequiredService<ILoggerFactory>();
        Diagnostics = _services.GetRequiredService<MetaMockLoggingDiagnostics>();
    }

    public ILoggerFactory Factory { get; }

    public StringWriter Errors { get; } = new();

    public IConfigurationRoot Configuration { get; }

    public FormattingConsoleProvider Console { get; private set; } = null!;

    /// <summary>The diagnostics view; still readable after dispose, for the final figures.</summary>
    public MetaMockLoggingDiagnostics Diagnostics { get; }

    public MetaMockLoggingOptions Options => _services.GetRequiredService<IOptionsMonitor<MetaMockLoggingOptions>>().CurrentValue;

    public ILogger Logger(string category = "test") => Factory.CreateLogger(category);

    public void Dispose() => _services.Dispose();
}
