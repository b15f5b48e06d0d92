using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Configuration;

/// <summary>Applies the <c>MetaMockLogging</c> configuration section (appsettings.json, <c>MetaMockLogging__*</c> variables...).</summary>
internal sealed class ConfigureFromConfiguration : IConfigureOptions<MetaMockLoggingOptions>
{
    private readonly IConfiguration? _configuration;
    private readonly ConfigurationErrorReporter _errors;

    public ConfigureFromConfiguration(ConfigurationErrorReporter errors, IConfiguration? configuration = null)
    {
        _errors = errors;
        _configuration = configuration;
    }

    public void Configure(MetaMockLoggingOptions options)
    {
        if (_configuration is null)
        {
            return;
        }

        var section = _configuration.GetSection(MetaMockLoggingOptions.SectionName);
        SettingsSource.Apply(
            options,
            setting => setting.ConfigurationKey.Length == 0 ? null : section[setting.ConfigurationKey],
            setting => $"configuration key {MetaMockLoggingOptions.SectionName}:{setting.ConfigurationKey}",
            _errors);
    }
}
