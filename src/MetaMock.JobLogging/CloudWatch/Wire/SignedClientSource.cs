using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>The production source: AWSSDK.Core's default credential chain, the signed HTTP client, the resolved endpoint.</summary>
internal sealed class SignedClientSource : ICloudWatchClientSource
{
    public async Task<ICloudWatchLogsClient> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken)
    {
        AWSCredentials credentials;
        try
        {
            credentials = await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is AmazonClientException or AmazonServiceException or InvalidOperationException)
        {
            // The SDK's text can name profiles and files; the cause we report names only where we looked.
            throw new CredentialsUnavailableException();
        }

        return CloudWatchClientFactory.Create(credentials, options.Region, CloudWatchEndpoint.Resolve(options), TimeProvider.System);
    }
}
