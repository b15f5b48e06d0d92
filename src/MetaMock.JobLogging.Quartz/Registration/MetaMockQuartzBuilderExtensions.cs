using System.Runtime.CompilerServices;
using MetaMock.JobLogging.Quartz.Firing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace MetaMock.JobLogging.Quartz;

/// <summary>Registers the MetaMock job context on a Quartz scheduler, with or without a host's container.</summary>
public static class MetaMockQuartzBuilderExtensions
{
    // One registration per builder: a second call would add a second listener and run the hook twice per firing.
    private static readonly ConditionalWeakTable<IQuartzBuilder, object> Configured = new();
    private static readonly object Marker = new();

    /// <summary>
    /// Sets every firing's user and job context (and a four-field logger scope) for its whole run, and adds
    /// <see cref="MetaMockJobListener"/>. Works on <c>services.AddQuartz(q =&gt; ...)</c> and on
    /// <c>QuartzSchedulerBuilder.Create(q =&gt; ...)</c>; logs through the container's <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <remarks>
    /// The context is set by a <c>ConfigureJobScope</c> callback, which Quartz's default (container) job factory runs
    /// synchronously before each job is built, so it covers listeners, <c>Execute</c> and Quartz's own lines. With a custom
    /// job factory from <c>UseJobFactory</c> that callback does not run and only <c>Execute</c> and the listener's lines
    /// get the context (from a job middleware this method also adds).
    /// </remarks>
    public static IQuartzBuilder UseMetaMockJobContext(this IQuartzBuilder builder) => Register(builder, null);

    /// <summary>
    /// As <see cref="UseMetaMockJobContext(IQuartzBuilder)"/>, logging through <paramref name="loggerFactory"/>: the way for
    /// a scheduler built without a host, e.g. <c>QuartzSchedulerBuilder.Create(q =&gt; q.UseMetaMockJobContext(factory))</c>.
    /// </summary>
    public static IQuartzBuilder UseMetaMockJobContext(this IQuartzBuilder builder, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return Register(builder, loggerFactory);
    }

    private static IQuartzBuilder Register(IQuartzBuilder builder, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!Configured.TryAdd(builder, Marker))
        {
            return builder;
        }

        AddContextHook(builder, loggerFactory);
        builder.AddJobListener(sp => new MetaMockJobListener(loggerFactory ?? LoggerFactoryOf(sp)));
        return builder;
    }

    /// <summary>
    /// The context half of <see cref="UseMetaMockJobContext(IQuartzBuilder)"/> without the listener (the benchmark measures
    /// the two halves apart): the per-firing hook and the attempt middleware.
    /// </summary>
    internal static void AddContextHook(IQuartzBuilder builder, ILoggerFactory? loggerFactory)
    {
        builder.Services.TryAddSingleton(sp => new FiringContextHook(loggerFactory ?? LoggerFactoryOf(sp)));
        builder.ConfigureJobScope(FiringContextHook.OnJobScope);
        builder.AddJobMiddleware(sp => new AttemptContextMiddleware(sp.GetRequiredService<FiringContextHook>()));
    }

    // Without a host, Quartz's container answers with its own LogProvider-backed factory; with none at all, lines are
    // dropped rather than failing the scheduler's start.
    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
