using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// The network side of B1's CloudWatch row: an in-process Kestrel endpoint on 127.0.0.1 that reads every request body
/// (so the sender really serializes, signs and sends) and answers each CloudWatch Logs call with <c>{}</c>, which is
/// success for every operation the sender makes (no rejected events). While <see cref="Hold"/> is in force it holds
/// its answers, as a distant endpoint's latency would, so the sender waits on the network instead of using the CPU.
/// </summary>
internal sealed class LocalCloudWatchSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;
    private TaskCompletionSource _open = Opened();

    private LocalCloudWatchSink(WebApplication app) => _app = app;

    /// <summary>Where the sink listens (a free loopback port).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Calls answered so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<LocalCloudWatchSink> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var sink = new LocalCloudWatchSink(app);
        app.Run(sink.AnswerAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.Endpoint = new Uri(address);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>From now on, answers wait until <see cref="Answer"/>.</summary>
    public void Hold() => Interlocked.CompareExchange(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), _open);

    /// <summary>Answers what was held, and everything from now on.</summary>
    public void Answer() => Volatile.Read(ref _open).TrySetResult();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        await Volatile.Read(ref _open).Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        Interlocked.Increment(ref _requests);
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
    }
}
