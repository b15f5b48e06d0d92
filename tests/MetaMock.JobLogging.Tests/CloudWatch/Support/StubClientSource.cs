using Amazon.Runtime;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Support;

/// <summary>
/// Client sources at the credentials boundary: no credentials at all (what the SDK's chain reports on a bare machine),
/// or distinctive ones whose text the tests look for in every output.
/// </summary>
internal sealed class StubClientSource : ICloudWatchClientSource
{
    public const string AccessKey = "AKIDEXAMPLEKEY123456";
    public const string SecretKey = "wJalrXUtnFEMIexampleSECRETkey";
    public const string SessionToken = "SESSIONTOKENexample987";

    private readonly Uri? _endpoint;

    private StubClientSource(Uri? endpoint) => _endpoint = endpoint;

    /// <summary>The context visible where the sender asked for its client (the background loop).</summary>
    public LogContextSnapshot? ContextSeen { get; private set; }

    public static StubClientSource WithoutCredentials() => new(null);

    public static StubClientSource WithSessionCredentials(Uri endpoint) => new(endpoint);

    public Task<ICloudWatchLogsClient> CreateAsync(MetaMockLoggingOptions options, CancellationToken cancellationToken)
    {
        ContextSeen = MetaMockLogContext.Current;
        if (_endpoint is null)
        {
            throw new CredentialsUnavailableException();
        }

        ICloudWatchLogsClient client = CloudWatchClientFactory.Create(
            new SessionAWSCredentials(AccessKey, SecretKey, SessionToken), options.Region, _endpoint, TimeProvider.System);
        return Task.FromResult(client);
    }
}
