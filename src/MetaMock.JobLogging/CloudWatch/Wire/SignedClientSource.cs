using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// The production source: the options' credentials, else AWSSDK.Core's default chain; the signed HTTP client over the
/// options' handler, if any; the resolved endpoint.
/// </summary>
internal sealed class SignedClientSource : ICloudWatchClientSource
{
    public async Task<ICloudWatchLogsClient> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken)
    {
        var credentials = options.Credentials ?? await DefaultCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return CloudWatchClientFactory.Create(credentials, options.Region, CloudWatchEndpoint.Resolve(options), TimeProvider.System, options.HttpHandlerFactory?.Invoke());
    }

    private static async Task<AWSCredentials> DefaultCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is AmazonClientException or AmazonServiceException or InvalidOperationException)
        {
            // The SDK's text can name profiles and files; the cause we report names only where we looked.
            throw new CredentialsUnavailableException();
        }
    }
}
