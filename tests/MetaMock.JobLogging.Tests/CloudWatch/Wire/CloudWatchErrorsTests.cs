using System.Net;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Wire;

public sealed class CloudWatchErrorsTests
{
    [Theory]
    [InlineData("com.amazonaws.logs#ThrottlingException", "ThrottlingException")]
    [InlineData("ResourceNotFoundException", "ResourceNotFoundException")]
    [InlineData("UnrecognizedClientException:http://internal", "UnrecognizedClientException")]
    [InlineData("", "UnknownError")]
    public void The_error_type_loses_its_namespace_prefix(string raw, string expected) =>
        Assert.Equal(expected, CloudWatchErrors.BareType(raw));

    [Theory]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("ServiceUnavailableException", 503, true)]
    [InlineData("Http502", 502, true)]
    [InlineData("InvalidParameterException", 400, false)]
    [InlineData("LimitExceededException", 400, false)]
    [InlineData("UnrecognizedClientException", 400, false)]
    public void Only_throttling_and_server_failures_are_retried(string type, int status, bool retryable) =>
        Assert.Equal(retryable, CloudWatchErrors.IsRetryable(type, (HttpStatusCode)status));

    [Theory]
    [InlineData("UnrecognizedClientException", 400, true)]
    [InlineData("InvalidSignatureException", 400, true)]
    [InlineData("AccessDeniedException", 400, true)]
    [InlineData("ExpiredTokenException", 400, true)]
    [InlineData("Http403", 403, true)]
    [InlineData("ThrottlingException", 400, false)]
    [InlineData("ResourceNotFoundException", 400, false)]
    public void Credential_errors_are_recognised_as_authentication_failures(string type, int status, bool auth) =>
        Assert.Equal(auth, CloudWatchErrors.IsAuthenticationFailure(type, (HttpStatusCode)status));
}
