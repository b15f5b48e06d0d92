using Quartz;

namespace MetaMock.JobLogging.Quartz.Listener;

/// <summary>Finds the exception the job really threw under the wrappers Quartz hands to <c>JobWasExecuted</c>.</summary>
internal static class FailureCause
{
    /// <summary>
    /// Quartz wraps an unhandled exception as <c>JobExecutionException</c> → <c>JobExecutionProcessException</c> → the real
    /// one. A <c>JobExecutionException</c> the job threw itself, without an inner exception, is the real one.
    /// </summary>
    public static Exception Unwrap(JobExecutionException exception)
    {
        Exception current = exception;
        while (current is JobExecutionException or JobExecutionProcessException && current.InnerException is { } inner)
        {
            current = inner;
        }

        return current;
    }
}
