using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// Turns <c>LOG_LEVEL</c> into Microsoft.Extensions.Logging's default rule, so filtering stays MEL's job:
/// category rules (<c>Logging:LogLevel:Microsoft</c>...) still win over it, as they win over <c>Default</c>.
/// </summary>
internal sealed class ApplyLogLevel : IConfigureOptions<LoggerFilterOptions>
{
    // A factory, not the monitor: on a reload the filter options may be rebuilt before the monitor's cache of
    // MetaMockLoggingOptions is cleared, and would then read the old level.
    private readonly IOptionsFactory<MetaMockLoggingOptions> _options;

    public ApplyLogLevel(IOptionsFactory<MetaMockLoggingOptions> options) => _options = options;

    public void Configure(LoggerFilterOptions options)
    {
        if (_options.Create(Options.DefaultName).LogLevel is { } level)
        {
            options.MinLevel = level;
            // A rule with no provider and no category is what Logging:LogLevel:Default becomes; added after it, ours wins.
            options.Rules.Add(new LoggerFilterRule(providerName: null, categoryName: null, logLevel: level, filter: null));
        }
    }
}
