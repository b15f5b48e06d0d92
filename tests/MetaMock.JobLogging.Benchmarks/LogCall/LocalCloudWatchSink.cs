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
/// success for every operation the sender makes (no rejected events).
/// </summary>
internal sealed class LocalCloudWatchSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;

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

    private async Task AnswerAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        Interlocked.Increment(ref _requests);
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
    }
}
