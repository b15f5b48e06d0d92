using System.Net;
using MetaMock.JobLogging.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace MetaMock.JobLogging.Dashboard.Tests.Browser;

/// <summary>The panel as a person sees it: a real dashboard on Kestrel, real jobs whose lines are in moto, headless chromium.</summary>
[Collection(UsesDashboard.Name)]
public sealed class LogPanelBrowserTests(DashboardHost host) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task The_panel_shows_the_jobs_lines_in_order()
    {
        var id = await host.RunAsync(j => j.Write(new[] { "first line", "second line", "third line" }), 3);
        var page = await OpenAsync(id);

        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mm-logs .mm-line').length >= 3", null, new() { Timeout = (float)Wait.TotalMilliseconds });

        var texts = await page.Locator(".mm-logs .mm-line .mm-text").AllTextContentsAsync();
        Assert.Equal(3, texts.Count);
        Assert.EndsWith("first line", texts[0], StringComparison.Ordinal);
        Assert.EndsWith("second line", texts[1], StringComparison.Ordinal);
        Assert.EndsWith("third line", texts[2], StringComparison.Ordinal);
        Assert.Contains($"run_id={id}]", texts[0], StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator(".mm-logs .mm-line.mm-current").CountAsync());
    }

    [BrowserFact]
    public async Task A_line_logged_after_the_page_opened_appears_without_a_reload()
    {
        var gate = Guid.NewGuid().ToString("N");
        var id = await host.RunAsync(j => j.WriteThenWaitThenWrite("before the page", gate, "after the page"), 1);
        var page = await OpenAsync(id);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mm-logs .mm-line').length >= 1", null, new() { Timeout = (float)Wait.TotalMilliseconds });
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        PanelJobs.Open(gate);
        await page.WaitForFunctionAsync(
            "() => Array.from(document.querySelectorAll('.mm-logs .mm-text')).some(e => e.textContent.endsWith('after the page'))",
            null,
            new() { Timeout = (float)Wait.TotalMilliseconds });

        Assert.Equal(0, navigations);
        Assert.Equal(1, await page.Locator(".mm-logs .mm-line.mm-level-warning").CountAsync());
    }

    [BrowserFact]
    public async Task A_line_holding_markup_shows_as_text_and_runs_nothing()
    {
        const string hostile = "<img src=x onerror=\"window.mmInjected=1\"><script>window.mmInjected=2</script>";
        var id = await host.RunAsync(j => j.Write(new[] { hostile }), 1);
        var page = await OpenAsync(id);

        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mm-logs .mm-line').length >= 1", null, new() { Timeout = (float)Wait.TotalMilliseconds });

        Assert.EndsWith(hostile, await page.Locator(".mm-logs .mm-text").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".mm-logs img, .mm-logs script").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.mmInjected ?? null"));
    }

    [BrowserFact]
    public async Task A_job_whose_stream_does_not_exist_shows_an_empty_panel_with_a_note()
    {
        var id = await host.RunAsync(j => j.Silent(), 0);
        var page = await OpenAsync(id);

        await page.WaitForFunctionAsync("() => document.querySelector('.mm-logs-note').textContent.includes('stream does not exist')", null, new() { Timeout = (float)Wait.TotalMilliseconds });

        Assert.Equal(0, await page.Locator(".mm-logs .mm-line").CountAsync());
        Assert.StartsWith("No log lines for this job: its stream does not exist", await page.Locator(".mm-logs-note").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dashboard_whose_authorization_refuses_gets_no_lines_from_the_route()
    {
        var id = await host.RunAsync(j => j.Write(new[] { "secret line" }), 1);
        using var http = new HttpClient { BaseAddress = host.Address };

        using var denied = await http.GetAsync($"denied/metamock/job-logs?job={id}");
        using var readOnly = await http.GetAsync($"readonly/metamock/job-logs?job={id}");
        using var open = await http.GetAsync($"hangfire/metamock/job-logs?job={id}");

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.DoesNotContain("secret line", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
        Assert.DoesNotContain("secret line", await readOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("secret line", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", open.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-store", open.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/json", open.Content.Headers.ContentType?.MediaType);
    }

    private async Task<IPage> OpenAsync(string id)
    {
        var context = await host.Browser.Required.NewContextAsync();
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, $"hangfire/jobs/details/{id}").ToString());
        return page;
    }
}
