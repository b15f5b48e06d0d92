using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// Builds the HTTP client chain: retry (in <see cref="CloudWatchLogsHttpClient"/>) → SigV4 signing → sockets. Redirects
/// are off, since a redirected request would carry a signature made for another URL.
/// </summary>
internal static class CloudWatchClientFactory
{
    // inner: the application's own innermost handler (a proxy, custom TLS), or null for the default sockets.
    public static CloudWatchLogsHttpClient Create(AWSCredentials credentials, string region, Uri endpoint, TimeProvider time, HttpMessageHandler? inner = null)
    {
        var sockets = inner ?? new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        switch (sockets)
        {
            case SocketsHttpHandler handler:
                handler.AllowAutoRedirect = false;
                break;
            case HttpClientHandler handler:
                handler.AllowAutoRedirect = false;
                break;
        }

        var signer = new SigningHandler(new AWSSigV4Parameters { Credentials = credentials, Region = RegionEndpoint.GetBySystemName(region), Service = "logs" }, sockets);
        // The per-attempt timeout lives in the retry pipeline; HttpClient's own would cancel the retries too.
        var http = new HttpClient(signer) { Timeout = Timeout.InfiniteTimeSpan };
        var retry = RetryPipeline.Create(time, maxRetryAttempts: 3, firstDelay: TimeSpan.FromMilliseconds(200), attemptTimeout: TimeSpan.FromSeconds(20));
        return new CloudWatchLogsHttpClient(http, endpoint, retry);
    }
}
