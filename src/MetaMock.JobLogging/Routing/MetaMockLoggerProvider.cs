using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Routing;

/// <summary>
/// The one routing provider: each record goes to the console route and, in production with CloudWatch enabled, to
/// the CloudWatch route. Category and level filtering stay Microsoft.Extensions.Logging's job; the provider only
/// decides which route a record that passed takes. Whether CloudWatch is used is decided once, at creation.
/// </summary>
[ProviderAlias("MetaMock")]
internal sealed class MetaMockLoggerProvider : ILoggerProvider, ISupportExternalScope, IAsyncDisposable
{
    private readonly ConsoleRoute _console;
    private readonly CloudWatchRoute? _cloudWatch;
    private int _disposed;

    public MetaMockLoggerProvider(IOptionsMonitor<MetaMockLoggingOptions> options, ConsoleRoute console, CloudWatchRouteFactory cloudWatch, StartupReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cloudWatch);
        ArgumentNullException.ThrowIfNull(report);
        _console = console;
        var current = options.CurrentValue;
        _cloudWatch = report.Check(current) ? cloudWatch.CreateIfEnabled(current) : null;
    }

    public ILogger CreateLogger(string categoryName) =>
        new MetaMockLogger(_console.Provider.CreateLogger(categoryName), _cloudWatch, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        _cloudWatch?.SetScopeProvider(scopeProvider);
        if (_console.Provider is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    /// <summary>
    /// What a host's container calls at shutdown: stopping the sender waits, up to the shutdown timeout, for its last
    /// sends, so that wait runs on a pool thread instead of blocking the thread that disposes the host.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_cloudWatch is null)
        {
            Dispose();
            return;
        }

        await Task.Run(Dispose).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // CloudWatch first: its shutdown report goes to the console, which must still be there.
            _cloudWatch?.Dispose();
            _console.Provider.Dispose();
        }
    }
}
