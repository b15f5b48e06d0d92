using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

internal static class Probe
{
    public static async Task RunAsync(CloudWatchSink sink)
    {
        var creds = new Amazon.Runtime.BasicAWSCredentials("AKIDBENCH", "secret");
        using var client = CloudWatchClientFactory.Create(creds, "ap-south-1", sink.Url, TimeProvider.System);
        using var plain = new HttpClient { BaseAddress = sink.Url };
        var json = new WireJsonContext(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var (n, size) in new[] { (67, 100), (7692, 100), (67, 100), (7692, 100) })
        {
            var events = Enumerable.Range(0, n).Select(i => new InputLogEvent(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), new string('x', size))).ToList();
            var req = new PutLogEventsRequest("bench", "s", events);
            await client.PutLogEventsAsync(req, default);
            var calls = n < 100 ? 500 : 30;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++) await client.PutLogEventsAsync(req, default);
            System.Console.WriteLine($"signed client: {n} events/call: {sw.Elapsed.TotalMilliseconds / calls:0.000} ms per call");
            sw.Restart();
            byte[] body = [];
            for (var i = 0; i < calls; i++) body = JsonSerializer.SerializeToUtf8Bytes(req, json.PutLogEventsRequest);
            System.Console.WriteLine($"  serialize only: {sw.Elapsed.TotalMilliseconds / calls:0.000} ms per call");
            sw.Restart();
            for (var i = 0; i < calls; i++)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "Logs_20140328.PutLogEvents");
                using var response = await plain.SendAsync(request);
            }

            System.Console.WriteLine($"  plain post only: {sw.Elapsed.TotalMilliseconds / calls:0.000} ms per call");
        }
    }
}
