using Amazon.Runtime.Signing;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// Signs each request with AWSSDK.Core's public SigV4 signer (a fresh timestamp per send, the session token for
/// session credentials), giving it the same headers AWSSDK.Core's <see cref="SigV4SigningHandler"/> gives it, so the
/// signatures are the same (a test compares them).
/// </summary>
/// <remarks>
/// Not that handler itself: it removes each signing header from the content's headers too, and for
/// <c>Authorization</c>, a request-only header, that throws and catches an InvalidOperationException on every send,
/// a cost paid per PutLogEvents call. The body's hash always comes in <c>x-amz-content-sha256</c>
/// (<see cref="RequestBody"/>), so the body is never read here.
/// </remarks>
internal sealed class SigningHandler : DelegatingHandler
{
    private const string SecurityToken = "x-amz-security-token";

    private readonly AWSSigV4Parameters _parameters;

    public SigningHandler(AWSSigV4Parameters parameters, HttpMessageHandler innerHandler)
        : base(innerHandler) => _parameters = parameters;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A token left from an earlier signing must not be signed as if it were the caller's own header.
        request.Headers.Remove(SecurityToken);
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri };
        foreach (var header in request.Headers)
        {
            signing.Headers[header.Key] = Join(header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                var value = Join(header.Value);
                signing.Headers[header.Key] = signing.Headers.TryGetValue(header.Key, out var earlier) ? earlier + "," + value : value;
            }
        }

        var signed = await AWSSigV4Signer.SignAsync(signing, _parameters, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // As the SDK's handler joins a header's values.
    private static string Join(IEnumerable<string> values) => string.Join(", ", values.Select(v => v?.Trim() ?? string.Empty));
}
