namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// Makes the client once the sender starts (in the background, so resolving credentials never delays the host's
/// start). Throws <see cref="CredentialsUnavailableException"/> when no credentials can be found.
/// </summary>
internal interface ICloudWatchClientSource
{
    Task<ICloudWatchLogsClient> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken);
}
