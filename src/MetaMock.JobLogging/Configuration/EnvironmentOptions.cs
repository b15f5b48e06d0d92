namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// The logger's options as the environment variables alone give them, for the readers that run without the logger's
/// host (the terminal command, a dashboard configured without DI). A bad value is reported in one line and ignored.
/// </summary>
internal static class EnvironmentOptions
{
    public static MetaMockLoggingOptions Read(EnvironmentVariables environment, TextWriter errors)
    {
        var options = new MetaMockLoggingOptions();
        new ConfigureFromEnvironment(environment, new ConfigurationErrorReporter(errors)).Configure(options);
        return options;
    }
}
