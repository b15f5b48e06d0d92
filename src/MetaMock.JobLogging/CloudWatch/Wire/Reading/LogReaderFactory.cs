namespace MetaMock.JobLogging.CloudWatch.Wire.Reading;

/// <summary>
/// A reader for the logger's own settings: the same credential chain, endpoint and region as the sender, and the
/// group job streams are written to (<see cref="MetaMockLoggingOptions.JobLogGroup"/>, else the main group).
/// </summary>
internal static class LogReaderFactory
{
    /// <summary>Throws <see cref="CredentialsUnavailableException"/> when no credentials can be found.</summary>
    public static async Task<LogStreamReader> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken) =>
        new(await new SignedClientSource().CreateAsync(options, cancellationToken).ConfigureAwait(false));

    public static StreamAddress JobStream(MetaMockLoggingOptions options, string jobId) =>
        new(options.JobLogGroup ?? options.LogGroup, StreamNames.ForJob(jobId));
}
