using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MetaMock.JobLogging.Benchmarks.Delivery.Sink;

/// <summary>
/// A minimal, fast CloudWatch Logs endpoint on Kestrel, bound to 127.0.0.1 on a free port: PutLogEvents is parsed and
/// counted (see <see cref="SinkRecorder"/>); CreateLogGroup, CreateLogStream, PutRetentionPolicy and DescribeLogStreams
/// are answered with the smallest valid reply. Signatures are not checked (moto doesn't either). While
/// <see cref="Hold"/> is in force it holds its answers, as a distant endpoint's latency would, so the sender waits on
/// the network instead of using the CPU (B1's network-wait row).
/// </summary>
internal sealed class CloudWatchSink : IAsyncDisposable
{
    private static readonly byte[] Empty = "{}"u8.ToArray();
    private static readonly byte[] NoStreams = """{"logStreams":[]}"""u8.ToArray();

    private readonly WebApplication _app;
    private TaskCompletionSource _open = Opened();

    private CloudWatchSink(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public SinkRecorder Recorder { get; } = new();

    /// <summary>When set, streams must be created before a put, and their creation is rate-limited (B7).</summary>
    public StreamRules? Streams { get; set; }

    public static async Task<CloudWatchSink> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            // A body is read whole before parsing; PutLogEvents bodies reach ~1.5 MB with JSON overhead.
            o.Limits.MaxRequestBufferSize = 64L * 1024 * 1024;
            o.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
            o.AddServerHeader = false;
        });
        var app = builder.Build();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        CloudWatchSink? sink = null;
        app.Run(context => sink!.HandleAsync(context));
        await app.StartAsync();
        sink = new CloudWatchSink(app, new Uri(addresses.Addresses.First()));
        return sink;
    }

    /// <summary>From now on, answers wait until <see cref="Answer"/>.</summary>
    public void Hold() => Interlocked.CompareExchange(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), _open);

    /// <summary>Answers what was held, and everything from now on.</summary>
    public void Answer() => Volatile.Read(ref _open).TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var body = context.Request.BodyReader;
        var read = await ReadWholeAsync(body, context.RequestAborted);
        byte[] answer;
        if (Streams is { } rules && operation is "PutLogEvents" or "CreateLogStream")
        {
            var stream = PutLogEventsReader.StreamName(read.Buffer);
            var error = operation == "CreateLogStream" ? rules.Create(stream) : rules.Exists(stream) ? null : "ResourceNotFoundException";
            if (error is not null)
            {
                body.AdvanceTo(read.Buffer.End);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"{{\"__type\":\"{error}\"}}"));
                return;
            }
        }

        switch (operation)
        {
            case "PutLogEvents":
                var sequences = Recorder.TracksSequences ? new List<long>(256) : null;
                var (events, bytes) = PutLogEventsReader.Read(read.Buffer, sequences);
                Recorder.RecordCall(events, bytes, sequences);
                answer = Empty;
                break;
            case "DescribeLogStreams":
                answer = NoStreams;
                break;
            case "CreateLogGroup" or "CreateLogStream" or "PutRetentionPolicy":
                answer = Empty;
                break;
            default:
                body.AdvanceTo(read.Buffer.End);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.Body.WriteAsync("""{"__type":"UnknownOperationException"}"""u8.ToArray());
                return;
        }

        body.AdvanceTo(read.Buffer.End);
        await Volatile.Read(ref _open).Task.WaitAsync(context.RequestAborted);
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer);
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private static async Task<ReadResult> ReadWholeAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            if (read.IsCompleted)
            {
                return read;
            }

            // Nothing consumed, everything examined: the next read returns once more of the body has arrived.
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
