using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using MetaMock.JobLogging.Benchmarks.Delivery.Sink;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>
/// The practical limit B2 compares against: the simplest client there is (a plain <see cref="HttpClient"/>, no signing)
/// posting pre-built, ideally full PutLogEvents bodies to the same sink with the same parallelism as the sender.
/// </summary>
internal static class BaselineClient
{
    private const int MaxEvents = 10_000;
    private const int MaxBytes = 1_048_576;

    // Distinct stream names cycled through: the sink's cost does not depend on the name, and 1,000 pre-built 1 MiB
    // bodies would cost a gigabyte of memory for nothing.
    private const int DistinctBodies = 8;

    public static async Task<DeliveryFigures> MeasureAsync(CloudWatchSink sink, int eventBytes, int streams, long events, int parallelism)
    {
        var perCall = Math.Min(MaxEvents, MaxBytes / (eventBytes + PutLogEventsReader.PerEventOverhead));
        var calls = (events + perCall - 1) / perCall;
        var bodies = Enumerable.Range(0, Math.Min(streams, DistinctBodies)).Select(s => Body($"jobs/job-{s:D4}", perCall, eventBytes)).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = sink.Url };

        sink.Recorder.Reset(long.MaxValue);
        await PostAllAsync(http, bodies, calls: parallelism, parallelism); // Opens the connections.

        sink.Recorder.Reset(calls * perCall);
        var cpu = DeliveryFigures.ProcessCpu();
        var start = Stopwatch.GetTimestamp();
        await PostAllAsync(http, bodies, calls, parallelism);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return DeliveryFigures.From(sink.Recorder, elapsed, DeliveryFigures.ProcessCpu() - cpu, dropped: 0);
    }

    private static async Task PostAllAsync(HttpClient http, byte[][] bodies, long calls, int parallelism)
    {
        long next = -1;
        var workers = Enumerable.Range(0, parallelism).Select(async _ =>
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) < calls)
            {
                using var content = new ByteArrayContent(bodies[n % bodies.Length]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "Logs_20140328.PutLogEvents");
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }
        });
        await Task.WhenAll(workers);
    }

    private static byte[] Body(string stream, int events, int eventBytes)
    {
        var message = new string('x', eventBytes);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var json = new StringBuilder(events * (eventBytes + 48));
        json.Append($$"""{"logGroupName":"bench","logStreamName":"{{stream}}","logEvents":[""");
        for (var i = 0; i < events; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""{"timestamp":{{timestamp}},"message":"{{message}}"}""");
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }
}
