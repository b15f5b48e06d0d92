using System.Net;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using MetaMock.JobLogging.Hangfire;
using MetaMock.JobLogging.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetaMock.JobLogging.Dashboard.Tests.Support;

/// <summary>
/// One real dashboard for every test of this project: moto as CloudWatch, the real logger writing job streams into it,
/// a Hangfire server on in-memory storage with the MetaMock filter and panel, and Kestrel on 127.0.0.1 serving three
/// dashboards: <c>/hangfire</c> (open), <c>/denied</c> (its authorization refuses everyone) and <c>/readonly</c> (open,
/// but <c>CanViewLogs</c> refuses it). Hangfire's configuration is process-wide, so there is one of these. The
/// benchmark program starts it without the panel first, to measure the page with and without it.
/// </summary>
public class DashboardServer
{
    private ServiceProvider? _logging;
    private BackgroundJobServer? _server;
    private WebApplication? _web;

    public MotoServer Moto { get; private set; } = null!;

    public string Group { get; } = "dashboard-" + Guid.NewGuid().ToString("N");

    public Uri Address { get; private set; } = null!;

    public MotoLogsReader Reader { get; private set; } = null!;

    public BrowserSession Browser { get; } = new();

    /// <summary>Starts everything; the panel too unless <paramref name="panel"/> is false (see <see cref="EnablePanel"/>).</summary>
    public async Task StartAsync(bool panel = true)
    {
        Moto = MotoServer.Start();
        MotoLogging.UseDummyCredentials();
        Reader = new MotoLogsReader(Moto.Endpoint);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddMetaMockLogging(o => MotoLogging.Configure(o, Moto, Group)));
        _logging = services.BuildServiceProvider();
        var loggerFactory = _logging.GetRequiredService<ILoggerFactory>();
        PanelJobs.Logger = loggerFactory.CreateLogger("PanelJobs");

        GlobalConfiguration.Configuration
            .UseInMemoryStorage(new InMemoryStorageOptions())
            .UseMetaMockJobContext(loggerFactory);
        if (panel)
        {
            EnablePanel();
        }

        _server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 4, SchedulePollingInterval = TimeSpan.FromMilliseconds(200) });

        var port = MotoServer.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddHangfire(_ => { });
        _web = builder.Build();
        _web.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AllowAll()] });
        _web.UseHangfireDashboard("/denied", new DashboardOptions { Authorization = [new DenyAll()] });
        _web.UseHangfireDashboard("/readonly", new DashboardOptions { Authorization = [new AllowAll()], IsReadOnlyFunc = _ => true });
        await _web.StartAsync();
        await Browser.StartAsync();
    }

    /// <summary>Adds the panel, reading this moto; <c>/readonly</c> may not view lines.</summary>
    public void EnablePanel()
    {
        var cloudWatch = new MetaMockLoggingOptions();
        MotoLogging.Configure(cloudWatch, Moto, Group);
        GlobalConfiguration.Configuration.UseMetaMockJobLogs(o =>
        {
            o.Logging = cloudWatch;
            o.CanViewLogs = context => !string.Equals(context.Request.PathBase, "/readonly", StringComparison.Ordinal);
        });
    }

    /// <summary>Enqueues a job and waits until its stream holds <paramref name="lines"/> lines (0: until it succeeded).</summary>
    public async Task<string> RunAsync(System.Linq.Expressions.Expression<Func<PanelJobs, Task>> job, int lines)
    {
        var id = BackgroundJob.Enqueue(job);
        await WaitForLinesAsync(id, lines);
        return id;
    }

    /// <inheritdoc cref="RunAsync(System.Linq.Expressions.Expression{Func{PanelJobs, Task}}, int)"/>
    public async Task<string> RunAsync(System.Linq.Expressions.Expression<Action<PanelJobs>> job, int lines)
    {
        var id = BackgroundJob.Enqueue(job);
        await WaitForLinesAsync(id, lines);
        return id;
    }

    public async Task WaitForLinesAsync(string id, int lines)
    {
        if (lines > 0)
        {
            await Reader.WaitForMessagesAsync(Group, "jobs/" + id, lines, TimeSpan.FromSeconds(60));
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (JobStorage.Current.GetMonitoringApi().JobDetails(id)?.History.FirstOrDefault()?.StateName != "Succeeded")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"job {id} did not succeed within 60 s");
            }

            await Task.Delay(50);
        }
    }

    public async Task StopAsync()
    {
        await Browser.DisposeAsync();
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        _server?.Dispose();
        if (_logging is not null)
        {
            await _logging.DisposeAsync();
        }

        Reader?.Dispose();
        Moto?.Dispose();
    }

    private sealed class AllowAll : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }

    private sealed class DenyAll : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => false;
    }
}
