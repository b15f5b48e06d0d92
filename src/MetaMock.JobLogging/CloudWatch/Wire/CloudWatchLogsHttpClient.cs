using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;

namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>
/// CloudWatch Logs over AWS JSON 1.1: <c>POST /</c> with <c>X-Amz-Target: Logs_20140328.{Operation}</c>. The
/// <see cref="HttpClient"/> it is given carries AWSSDK.Core's SigV4 signing handler; the retry pipeline wraps each
/// whole send, so a retried request is built and signed again.
/// </summary>
internal sealed class CloudWatchLogsHttpClient : ICloudWatchLogsClient, IDisposable
{
    private const string TargetPrefix = "Logs_20140328.";
    private const string ContentSha256Header = "x-amz-content-sha256";
    private const string PutLogEvents = "PutLogEvents";
    private static readonly MediaTypeHeaderValue ContentType = new("application/x-amz-json-1.1");
    private static readonly WireJsonContext Json = new(new JsonSerializerOptions
    {
        // Compact and readable payloads: messages are plain text, not HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    });

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly ResiliencePipeline _retry;

    public CloudWatchLogsHttpClient(HttpClient http, Uri endpoint, ResiliencePipeline retry)
    {
        _http = http;
        _endpoint = endpoint;
        _retry = retry;
    }

    public Task CreateLogGroupAsync(CreateLogGroupRequest request, CancellationToken cancellationToken) =>
        CallAsync("CreateLogGroup", request, Json.CreateLogGroupRequest, Json.EmptyResponse, cancellationToken);

    public Task CreateLogStreamAsync(CreateLogStreamRequest request, CancellationToken cancellationToken) =>
        CallAsync("CreateLogStream", request, Json.CreateLogStreamRequest, Json.EmptyResponse, cancellationToken);

    public Task PutRetentionPolicyAsync(PutRetentionPolicyRequest request, CancellationToken cancellationToken) =>
        CallAsync("PutRetentionPolicy", request, Json.PutRetentionPolicyRequest, Json.EmptyResponse, cancellationToken);

    public async Task<PutLogEventsResponse> PutLogEventsAsync(ILogEventBatch batch, CancellationToken cancellationToken) =>
        await SendAsync(PutLogEvents, PutLogEventsBody.Write(batch), Json.PutLogEventsResponse, cancellationToken).ConfigureAwait(false)
        ?? new PutLogEventsResponse(null);

    public async Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) =>
        await CallAsync("DescribeLogGroups", request, Json.DescribeLogGroupsRequest, Json.DescribeLogGroupsResponse, cancellationToken).ConfigureAwait(false)
        ?? new DescribeLogGroupsResponse(null, null);

    public async Task<DescribeLogStreamsResponse> DescribeLogStreamsAsync(DescribeLogStreamsRequest request, CancellationToken cancellationToken) =>
        await CallAsync("DescribeLogStreams", request, Json.DescribeLogStreamsRequest, Json.DescribeLogStreamsResponse, cancellationToken).ConfigureAwait(false)
        ?? new DescribeLogStreamsResponse(null, null);

    public async Task<GetLogEventsResponse> GetLogEventsAsync(GetLogEventsRequest request, CancellationToken cancellationToken) =>
        await CallAsync("GetLogEvents", request, Json.GetLogEventsRequest, Json.GetLogEventsResponse, cancellationToken).ConfigureAwait(false)
        ?? new GetLogEventsResponse(null, null, null);

    public async Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken) =>
        await CallAsync("FilterLogEvents", request, Json.FilterLogEventsRequest, Json.FilterLogEventsResponse, cancellationToken).ConfigureAwait(false)
        ?? new FilterLogEventsResponse(null, null);

    public void Dispose() => _http.Dispose();

    private Task<TResponse?> CallAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken) =>
        SendAsync(operation, RequestBody.Serialize(request, requestType), responseType, cancellationToken);

    private async Task<TResponse?> SendAsync<TResponse>(string operation, RequestBody body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        // Written once; each attempt wraps the same bytes in a fresh request message (a sent message can't be reused).
        var result = await _retry.ExecuteAsync(
            static (state, ct) => state.Self.SendOnceAsync(state.Operation, state.Body, state.ResponseType, ct, state.Caller),
            (Self: this, Operation: operation, Body: body, ResponseType: responseType, Caller: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        // Back to the pool only after a completed exchange: after a timeout or a cancellation the transport might still
        // hold the bytes, so a failed call leaves its buffer to the garbage collector instead.
        body.Dispose();
        return result;
    }

    private async ValueTask<TResponse?> SendOnceAsync<TResponse>(
        string operation,
        RequestBody body,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken attempt,
        CancellationToken caller)
    {
        try
        {
            return await ExchangeAsync(operation, body, responseType, attempt).ConfigureAwait(false);
        }
        catch (Exception error) when (operation == PutLogEvents && AnswerLoss.MayHaveArrived(error, attempt, caller))
        {
            // Not retried here: a put whose answer was lost may be stored already (see AnswerLostException).
            throw new AnswerLostException(operation, error);
        }
    }

    private async Task<TResponse?> ExchangeAsync<TResponse>(string operation, RequestBody body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        // With the hash given, the signing handler signs without buffering a second copy of the body.
        message.Headers.TryAddWithoutValidation(ContentSha256Header, body.Sha256);
        message.Content = new ReadOnlyMemoryContent(body.Memory);
        message.Content.Headers.ContentType = ContentType;
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ParseError(operation, response, payload);
        }

        return payload.Length == 0 ? default : JsonSerializer.Deserialize(payload, responseType);
    }

    private static CloudWatchLogsException ParseError(string operation, HttpResponseMessage response, byte[] payload)
    {
        ErrorResponse? error = null;
        try
        {
            error = payload.Length == 0 ? null : JsonSerializer.Deserialize(payload, Json.ErrorResponse);
        }
        catch (JsonException)
        {
            // A proxy or load balancer may answer with HTML; the status code alone then classifies the error.
        }

        var type = error?.Type;
        if (string.IsNullOrEmpty(type) && response.Headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            type = values.FirstOrDefault();
        }

        var bare = CloudWatchErrors.BareType(string.IsNullOrEmpty(type) ? $"Http{(int)response.StatusCode}" : type);
        return new CloudWatchLogsException(operation, response.StatusCode, bare, error?.Message);
    }
}
