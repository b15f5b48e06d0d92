using Hangfire;
using MetaMock.JobLogging.Hangfire.Filters;
using MetaMock.JobLogging.Hangfire.Identity;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Hangfire;

/// <summary>Registers the MetaMock job context for every Hangfire job.</summary>
public static class MetaMockHangfireConfigurationExtensions
{
    /// <summary>
    /// Runs every job with the MetaMock context; failure and retry lines go to <paramref name="loggerFactory"/>, or to
    /// Hangfire's log provider when it is null. <paramref name="defaults"/> applies to jobs without their own attribute.
    /// </summary>
    public static IGlobalConfiguration UseMetaMockJobContext(
        this IGlobalConfiguration configuration,
        ILoggerFactory? loggerFactory = null,
        MetaMockJobContextOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.UseFilter(new MetaMockJobContextFilter(loggerFactory, defaults?.Settings ?? JobSettings.None));
    }

    /// <summary>
    /// The DI form, for <c>services.AddHangfire((provider, config) => config.UseMetaMockJobContext(provider))</c>: the
    /// logger factory is the application's own (no second service provider is built).
    /// </summary>
    public static IGlobalConfiguration UseMetaMockJobContext(
        this IGlobalConfiguration configuration,
        IServiceProvider services,
        MetaMockJobContextOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(services);
        var loggerFactory = services.GetService(typeof(ILoggerFactory)) as ILoggerFactory
            ?? throw new InvalidOperationException(
                "UseMetaMockJobContext(services) found no ILoggerFactory in the container. Register logging " +
                "(services.AddLogging() or a host), or call UseMetaMockJobContext(loggerFactory) instead.");
        return configuration.UseMetaMockJobContext(loggerFactory, defaults);
    }
}
