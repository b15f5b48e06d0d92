using System.Net;
using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Tests.CloudWatch.Wire;

public sealed class SigningHandlerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_request_gets_the_same_signature_and_headers_as_from_the_SDK_signing_handler(bool sessionCredentials)
    {
        AWSCredentials credentials = sessionCredentials
            ? new SessionAWSCredentials("AKIDEXAMPLE", "secret", "token-123")
            : new BasicAWSCredentials("AKIDEXAMPLE", "secret");
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.APSouth1,
            Service = "logs",
            SignedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        };

        var ours = await SignAsync(inner => new SigningHandler(parameters, inner));
        var sdk = await SignAsync(inner => new SigV4SigningHandler(parameters, inner));

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/ap-south-1/logs/aws4_request", ours["Authorization"], StringComparison.Ordinal);
        Assert.Equal(sessionCredentials, ours.ContainsKey("x-amz-security-token"));
        Assert.Equal(sdk, ours);
    }

    // The headers a request like the client's PutLogEvents call carries once it has passed the handler.
    private static async Task<SortedDictionary<string, string>> SignAsync(Func<HttpMessageHandler, DelegatingHandler> create)
    {
        var capture = new Capture();
        using var client = new HttpMessageInvoker(create(capture));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://127.0.0.1:4566/"));
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Logs_20140328.PutLogEvents");
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        request.Content = new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");

        using var response = await client.SendAsync(request, CancellationToken.None);

        return capture.Headers!;
    }

    private sealed class Capture : HttpMessageHandler
    {
        public SortedDictionary<string, string>? Headers { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Headers = new(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers.Concat(request.Content!.Headers))
            {
                Headers[header.Key] = string.Join(",", header.Value);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
