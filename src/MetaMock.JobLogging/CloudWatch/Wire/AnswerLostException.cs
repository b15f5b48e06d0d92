namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// A PutLogEvents request went out and no answer came back (the connection was reset or ended, the attempt timed out,
/// or our own cancellation cut it): the endpoint may have stored the events. The client never retries such a call
/// itself, since CloudWatch has no idempotency token and each retry could store the events once more; the sender
/// decides how often to send them again.
/// </summary>
internal sealed class AnswerLostException : Exception
{
    public AnswerLostException(string operation, Exception innerException)
        : base($"CloudWatch Logs {operation}: the request was sent but no answer came ({Describe(innerException)}).", innerException)
    {
        Operation = operation;
    }

    public AnswerLostException()
        : this("unknown", new TimeoutException())
    {
    }

    public AnswerLostException(string message)
        : base(message)
    {
        Operation = "unknown";
    }

    public string Operation { get; }

    /// <summary>What cut the answer off, for a warning: the HTTP error kind, or the exception's type.</summary>
    public string Cause => Describe(InnerException);

    private static string Describe(Exception? error) => error switch
    {
        HttpRequestException http => http.HttpRequestError.ToString(),
        null => "unknown",
        _ => error.GetType().Name,
    };
}
