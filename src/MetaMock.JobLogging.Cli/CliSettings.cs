using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.Cli;

/// <summary>
/// The logger's own settings from the environment (region, endpoint, log groups), so the command reads where the
/// application writes. A bad value is reported in one line and its default kept, as the logger does.
/// </summary>
internal static class CliSettings
{
    public static MetaMockLoggingOptions Read(EnvironmentVariables environment, TextWriter errors)
    {
        var options = new MetaMockLoggingOptions();
        SettingsSource.Apply(
            options,
            setting => environment.Get(setting.EnvironmentVariable),
            setting => $"environment variable {setting.EnvironmentVariable}",
            new ConfigurationErrorReporter(errors));
        return options;
    }
}
