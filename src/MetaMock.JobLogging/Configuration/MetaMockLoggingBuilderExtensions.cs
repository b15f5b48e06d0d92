using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Sending.Reporting;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Configuration;
using MetaMock.JobLogging.Diagnostics;
using MetaMock.JobLogging.ConsoleOutput;
using MetaMock.JobLogging.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Configuration;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging;

/// <summary>Registers MetaMock logging on an <see cref="ILoggingBuilder"/>.</summary>
public static class MetaMockLoggingBuilderExtensions
{
    /// <summary>
    /// Adds the MetaMock routing logger provider: console output in the MetaMock line format, with the ambient job
    /// context on every line. Settings come from the host's environment name, the <c>MetaMockLogging</c> section, the
    /// environment variables (<c>ENVIRONMENT</c>, <c>USE_CLOUDWATCH</c>, ...) and <paramref name="configure"/>, in that
    /// order (last wins). It replaces Microsoft's console provider so no line is printed twice. In production with
    /// <c>USE_CLOUDWATCH=true</c> it also sends every record to CloudWatch Logs (per-job streams) and keeps only WARNING
    /// and above on the console. At start it prints one line on stderr saying where lines go.
    /// <see cref="MetaMockLoggingDiagnostics"/> is registered for a read-only view of the sender.
    /// </summary>
    public static ILoggingBuilder AddMetaMockLogging(this ILoggingBuilder builder, Action<MetaMockLoggingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddConfiguration();

        // Hosts add Microsoft's console provider by default; left in, every line would be printed twice.
        foreach (var descriptor in services.Where(IsMicrosoftConsole).ToList())
        {
            services.Remove(descriptor);
        }

        services.TryAddSingleton(EnvironmentVariables.Process);
        services.TryAddSingleton(_ => new ConfigurationErrorReporter(System.Console.Error));
        // Inside a host (its environment is registered) a CloudWatch setting that cannot work ends the process with one
        // line; outside one, the caller gets the exception.
        services.TryAddSingleton(sp => new StartupReport(
            System.Console.Error, sp.GetService<IHostEnvironment>() is null ? null : Environment.Exit));
        services.AddSingleton<IConfigureOptions<MetaMockLoggingOptions>>(sp => new HostEnvironmentDefault(sp.GetService<IHostEnvironment>()));
        services.AddSingleton<IConfigureOptions<MetaMockLoggingOptions>>(sp =>
            new ConfigureFromConfiguration(sp.GetRequiredService<ConfigurationErrorReporter>(), sp.GetService<IConfiguration>()));
        services.AddSingleton<IConfigureOptions<MetaMockLoggingOptions>, ConfigureFromEnvironment>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddSingleton<IOptionsChangeTokenSource<MetaMockLoggingOptions>>(sp =>
            new ConfigurationChangeTokenSource<MetaMockLoggingOptions>(sp.GetService<IConfiguration>() ?? EmptyConfiguration));
        services.AddSingleton<IOptionsChangeTokenSource<LoggerFilterOptions>>(sp =>
            new ConfigurationChangeTokenSource<LoggerFilterOptions>(sp.GetService<IConfiguration>() ?? EmptyConfiguration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LoggerFilterOptions>, ApplyLogLevel>());

        AddCloudWatch(services);

        services.TryAddSingleton<MetaMockConsoleFormatter>();
        services.TryAddSingleton(sp => ConsoleRoute.CreateDefault(sp.GetRequiredService<MetaMockConsoleFormatter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, MetaMockLoggerProvider>());
        return builder;
    }

    private static void AddCloudWatch(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SenderCounters>();
        services.TryAddSingleton(sp => new MetaMockLoggingDiagnostics(sp.GetRequiredService<SenderCounters>()));
        services.TryAddSingleton(SenderOutput.Console);
        services.TryAddSingleton<ICloudWatchClientSource, SignedClientSource>();
        services.TryAddSingleton<CloudWatchRouteFactory>();
    }

    private static bool IsMicrosoftConsole(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(ILoggerProvider) && descriptor.ImplementationType == typeof(ConsoleLoggerProvider);

    private static IConfiguration EmptyConfiguration { get; } = new ConfigurationBuilder().Build();
}
