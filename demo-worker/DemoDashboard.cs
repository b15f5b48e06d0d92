using Hangfire;
using MetaMock.JobLogging.Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.DemoWorker;

/// <summary>
/// <c>--dashboard URL</c>: Hangfire's dashboard on Kestrel, bound to the loopback address only, reading the worker's
/// own storage; each job's page shows its log lines (from CloudWatch, or from this process when CloudWatch is off).
/// </summary>
internal static class DemoDashboard
{
    public static bool IsLoopback(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && url.Host == "127.0.0.1";

    /// <summary>Adds the panel to the worker's Hangfire configuration when the dashboard is served.</summary>
    public static IGlobalConfiguration UseMetaMockJobLogsWhen(this IGlobalConfiguration configuration, bool served, IServiceProvider services) =>
        served ? configuration.UseMetaMockJobLogs(services) : configuration;

    /// <summary>Starts the dashboard when <paramref name="url"/> is given; disposing the result stops it.</summary>
    public static async Task<IAsyncDisposable> StartAsync(Uri? url, IServiceProvider worker, CancellationToken cancellation)
    {
        if (url is null)
        {
            return NotServed.Instance;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        // The dashboard's services; the storage and the panel are the worker's (Hangfire's configuration is process-wide).
        builder.Services.AddHangfire(_ => { });
        var app = builder.Build();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions(), worker.GetRequiredService<JobStorage>());
        app.MapGet("/", () => Microsoft.AspNetCore.Http.Results.Redirect("/hangfire"));
        await app.StartAsync(cancellation).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"Dashboard: {url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}/hangfire (each job's page shows its log lines)").ConfigureAwait(false);
        return app;
    }

    private sealed class NotServed : IAsyncDisposable
    {
        public static readonly NotServed Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
