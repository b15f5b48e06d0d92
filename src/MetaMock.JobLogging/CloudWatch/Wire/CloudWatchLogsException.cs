using System.Net;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// A CloudWatch Logs error answer. <see cref="ErrorType"/> is the bare type name (any <c>namespace#</c> prefix
/// removed); the service's message is kept apart from <see cref="Exception.Message"/> so a caller chooses whether
/// to print it (an authentication message is never printed: it could echo request details).
/// </summary>
internal sealed class CloudWatchLogsException : Exception
{
    public CloudWatchLogsException(string operation, HttpStatusCode statusCode, string errorType, string? serviceMessage)
        : base($"CloudWatch Logs {operation} failed: {errorType} (HTTP {(int)statusCode}).")
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorType = errorType;
        ServiceMessage = serviceMessage;
    }

    public CloudWatchLogsException()
        : this("unknown", HttpStatusCode.InternalServerError, "Unknown", null)
    {
    }

    public CloudWatchLogsException(string message)
        : base(message)
    {
        Operation = "unknown";
        ErrorType = "Unknown";
    }

    public CloudWatchLogsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "unknown";
        ErrorType = "Unknown";
    }

    public string Operation { get; }

    public HttpStatusCode StatusCode { get; }

    public string ErrorType { get; }

    public string? ServiceMessage { get; }

    public bool IsRetryable => CloudWatchErrors.IsRetryable(ErrorType, StatusCode);

    public bool IsAuthenticationFailure => CloudWatchErrors.IsAuthenticationFailure(ErrorType, StatusCode);
}
