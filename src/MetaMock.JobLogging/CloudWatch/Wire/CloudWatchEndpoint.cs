namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// Where the client sends: <see cref="MetaMockLoggingOptions.ServiceUrl"/> (set by code, configuration or the
/// <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c> / <c>AWS_ENDPOINT_URL</c> variables, the service-specific one winning),
/// else the region's public endpoint.
/// </summary>
internal static class CloudWatchEndpoint
{
    public static Uri Resolve(MetaMockLoggingOptions options) =>
        options.ServiceUrl ?? new Uri($"https://logs.{options.Region}.amazonaws.com/");

    /// <summary>The endpoint as it may be printed: without any user name or password a URL may carry.</summary>
    public static string Display(MetaMockLoggingOptions options) =>
        Resolve(options).GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
