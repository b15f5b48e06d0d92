using System.Net;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>Which CloudWatch Logs errors are worth retrying, which mean the credentials are no good, and the names the sender reacts to.</summary>
internal static class CloudWatchErrors
{
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceAlreadyExists = "ResourceAlreadyExistsException";
    public const string InvalidParameter = "InvalidParameterException";

    private static readonly HashSet<string> Retryable = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ServiceUnavailableException", "ServiceUnavailable",
        "RequestLimitExceeded", "TooManyRequestsException", "InternalFailure", "RequestTimeout", "RequestTimeoutException",
    };

    private static readonly HashSet<string> Authentication = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "AccessDeniedException", "AccessDenied",
        "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId", "IncompleteSignature",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "SignatureDoesNotMatch", "NotAuthorized",
    };

    public static bool IsRetryable(string errorType, HttpStatusCode status) =>
        Retryable.Contains(errorType) || (int)status is 500 or 502 or 503 or 504;

    public static bool IsAuthenticationFailure(string errorType, HttpStatusCode status) =>
        Authentication.Contains(errorType) || (status == HttpStatusCode.Forbidden && !Retryable.Contains(errorType));

    /// <summary>Strips a <c>namespace#</c> prefix (and anything after a <c>:</c>, which some protocols append).</summary>
    public static string BareType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return "UnknownError";
        }

        var name = type.AsSpan();
        var hash = name.LastIndexOf('#');
        if (hash >= 0)
        {
            name = name[(hash + 1)..];
        }

        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name[..colon];
        }

        return name.Trim().ToString();
    }
}
