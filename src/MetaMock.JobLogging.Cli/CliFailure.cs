using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.Configuration;
using Polly.Timeout;

namespace MetaMock.JobLogging.Cli;

/// <summary>
/// Turns a failure into one line and an exit code. The line names what failed and where, never a key, a token, a
/// URL's user name or password, or the service's text for an authentication error (which could echo request details).
/// </summary>
internal static class CliFailure
{
    public static bool TryDescribe(Exception error, MetaMockLoggingOptions options, out string line, out int exitCode)
    {
        var where = UrlUserInfo.Authority(CloudWatchEndpoint.Resolve(options));
        (line, exitCode) = error switch
        {
            CredentialsUnavailableException => ($"metamock-logs: {error.Message}.", ExitCodes.Refused),
            CloudWatchLogsException { IsAuthenticationFailure: true } refused =>
                ($"metamock-logs: {where} refused the credentials ({refused.ErrorType}): check them, their expiry, and that they allow logs:GetLogEvents and logs:DescribeLogStreams.", ExitCodes.Refused),
            CloudWatchLogsException other => ($"metamock-logs: {other.Message}", ExitCodes.Failed),
            HttpRequestException or TimeoutRejectedException => ($"metamock-logs: cannot reach CloudWatch Logs at {where}.", ExitCodes.Unreachable),
            // A proxy's or a captive portal's page, or another service on that port: not an answer CloudWatch gives.
            System.Text.Json.JsonException => ($"metamock-logs: {where} did not answer as CloudWatch Logs does (its answer is not CloudWatch Logs' JSON); check the endpoint.", ExitCodes.Failed),
            _ => (string.Empty, 0),
        };
        return exitCode != 0;
    }
}
