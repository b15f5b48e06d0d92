namespace MetaMock.JobLogging.Configuration;

/// <summary>
/// One setting as the two text sources name it (an environment variable and a configuration key), with its
/// parser. One table serves both sources so their rules and error lines can't drift apart.
/// </summary>
internal sealed record Setting(
    string EnvironmentVariable,
    string ConfigurationKey,
    string Accepted,
    Func<string, MetaMockLoggingOptions, bool> TryApply);
