using Polly.Timeout;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// Tells a failure that proves a request never reached the endpoint (no connection could be made) from one after which
/// the endpoint may have applied it (the connection broke after the request was written, or no answer came in time).
/// </summary>
internal static class AnswerLoss
{
    /// <summary>
    /// True when <paramref name="error"/>, thrown by one attempt, leaves the request's effect unknown. A cancellation
    /// counts when either token was cancelled: the attempt's timeout, or the caller's (the shutdown deadline).
    /// </summary>
    public static bool MayHaveArrived(Exception error, CancellationToken attempt, CancellationToken caller) => error switch
    {
        HttpRequestException http => http.HttpRequestError is not (HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError),
        TimeoutRejectedException => true,
        OperationCanceledException => attempt.IsCancellationRequested || caller.IsCancellationRequested,
        IOException => true,
        _ => false,
    };
}
