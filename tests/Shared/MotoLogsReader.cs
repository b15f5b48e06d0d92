using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MetaMock.JobLogging.Testing;

/// <summary>
/// Reads CloudWatch Logs back from a <see cref="MotoServer"/> with plain HTTP and JSON, through no code of this project,
/// so any test project can check what the provider really delivered. Moto does not verify signatures; the region it
/// files a call under comes from the Authorization header's credential scope, so the header names the region only.
/// </summary>
public sealed class MotoLogsReader : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _region;

    /// <summary>A reader for <paramref name="endpoint"/>, looking in <paramref name="region"/> (the provider's default).</summary>
    public MotoLogsReader(Uri endpoint, string region = "ap-south-1")
    {
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(10) };
        _region = region;
    }

    /// <summary>The messages of one stream, oldest first; empty when the group or stream does not exist.</summary>
    public async Task<IReadOnlyList<string>> MessagesAsync(string group, string stream) =>
        [.. (await EventsAsync(group, stream)).Select(e => e.Message)];

    /// <summary>The events of one stream, oldest first, with their timestamps (milliseconds since the Unix epoch).</summary>
    public async Task<IReadOnlyList<(long Timestamp, string Message)>> EventsAsync(string group, string stream)
    {
        var messages = new List<(long Timestamp, string Message)>();
        string? token = null;
        while (true)
        {
            var body = new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream, ["startFromHead"] = true };
            if (token is not null)
            {
                body["nextToken"] = token;
            }

            var page = await CallAsync("GetLogEvents", body);
            if (page is null)
            {
                return messages;
            }

            var events = page["events"]?.AsArray() ?? [];
            messages.AddRange(events.Select(e => (e?["timestamp"]?.GetValue<long>() ?? 0, e?["message"]?.GetValue<string>() ?? string.Empty)));
            var next = page["nextForwardToken"]?.GetValue<string>();
            if (events.Count == 0 || next is null || next == token)
            {
                return messages;
            }

            token = next;
        }
    }

    /// <summary>The names of the group's streams; empty when the group does not exist.</summary>
    public async Task<IReadOnlyList<string>> StreamsAsync(string group)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var body = new JsonObject { ["logGroupName"] = group };
            if (token is not null)
            {
                body["nextToken"] = token;
            }

            var page = await CallAsync("DescribeLogStreams", body);
            names.AddRange((page?["logStreams"]?.AsArray() ?? []).Select(s => s?["logStreamName"]?.GetValue<string>() ?? string.Empty));
            token = page?["nextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return names;
    }

    /// <summary>
    /// Waits until <paramref name="stream"/> holds at least <paramref name="count"/> messages and returns them, or fails
    /// with what it holds after <paramref name="timeout"/> (the provider sends in the background).
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(string group, string stream, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = await MessagesAsync(group, stream);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{stream} in {group} holds {messages.Count} message(s), expected {count}, after {timeout}:\n" + string.Join('\n', messages));
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Disposes the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    // Null for ResourceNotFoundException (nothing written there yet); any other error fails the caller with moto's answer.
    private async Task<JsonNode?> CallAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Logs_20140328." + operation);
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"AWS4-HMAC-SHA256 Credential={MotoServer.AccessKeyId}/20250101/{_region}/logs/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return JsonNode.Parse(text);
        }

        if (text.Contains("ResourceNotFoundException", StringComparison.Ordinal))
        {
            return null;
        }

        throw new HttpRequestException($"moto answered {operation} with {(int)response.StatusCode}: {text}");
    }
}
