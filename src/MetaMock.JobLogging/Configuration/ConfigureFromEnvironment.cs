using Microsoft.Extensions.Options;

namespace MetaMock.JobLogging.Configuration;

/// <summary>Applies the original Python design's environment variables; they override the configuration section, as environment variables do in a .NET host.</summary>
internal sealed class ConfigureFromEnvironment : IConfigureOptions<MetaMockLoggingOptions>
{
    private readonly EnvironmentVariables _environment;
    private readonly ConfigurationErrorReporter _errors;

    public ConfigureFromEnvironment(EnvironmentVariables environment, ConfigurationErrorReporter errors)
    {
        _environment = environment;
        _errors = errors;
    }

    public void Configure(MetaMockLoggingOptions options) =>
        SettingsSource.Apply(
            options,
            setting => _environment.Get(setting.EnvironmentVariable),
            setting => $"environment variable {setting.EnvironmentVariable}",
            _errors);
}
