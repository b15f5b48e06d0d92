using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// The client's retry: throttling, 5xx and connection failures, with exponential back-off and jitter, and a timeout
/// per attempt. It wraps the whole send, OUTSIDE the signing handler, so every attempt is signed afresh.
/// </summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Create(TimeProvider time, int maxRetryAttempts, TimeSpan firstDelay, TimeSpan attemptTimeout) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception, args.Context.CancellationToken)),
                MaxRetryAttempts = maxRetryAttempts,
                Delay = firstDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(attemptTimeout)
            .Build();

    public static bool IsTransient(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        CloudWatchLogsException service => service.IsRetryable,
        HttpRequestException => true,
        TimeoutRejectedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
