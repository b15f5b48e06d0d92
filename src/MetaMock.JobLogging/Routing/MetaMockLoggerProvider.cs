using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Routing;

/// <summary>
/// The one routing provider: each record goes to the console route (and, with the CloudWatch issue, to the
/// CloudWatch route). Category and level filtering stay Microsoft.Extensions.Logging's job; the provider only
/// decides which route a record that passed takes.
/// </summary>
[ProviderAlias("MetaMock")]
internal sealed class MetaMockLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleRoute _console;
    private readonly IOptionsMonitor<MetaMockLoggingOptions> _options;
    private int _disposed;

    public MetaMockLoggerProvider(IOptionsMonitor<MetaMockLoggingOptions> options, ConsoleRoute console)
    {
        _options = options;
        _console = console;
    }

    public ILogger CreateLogger(string categoryName) =>
        new MetaMockLogger(_console.Provider.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (_console.Provider is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _console.Provider.Dispose();
        }
    }
}
