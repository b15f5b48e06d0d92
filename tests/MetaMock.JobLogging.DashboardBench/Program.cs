using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using MetaMock.JobLogging.Dashboard.Tests.Support;
using MetaMock.JobLogging.DashboardBench;
using MetaMock.JobLogging.Hangfire.Dashboard;

// The job page served by a real dashboard on Kestrel (127.0.0.1), jobs logging into moto: first without the panel,
// then with it (Hangfire cannot unregister a renderer, so the phases run in that order, each after its own warm-up).
var count = args.Contains("--quick") ? 200 : 2000;
var server = new DashboardServer();
await server.StartAsync(panel: false);
try
{
    var id = await server.RunAsync(j => j.Write(Enumerable.Range(1, 50).Select(i => $"line {i} of the benchmark job").ToArray()), 50);
    using var http = new HttpClient { BaseAddress = server.Address };
    var url = $"hangfire/jobs/details/{id}";
    var without = await Timing.PageAsync(http, url, count / 5, count);

    server.EnablePanel();
    var rendererCost = MeasureRendererInsidePageRender();
    var with = await Timing.PageAsync(http, url, count / 5, count);
    (await http.GetAsync(url)).Dispose();

    Console.WriteLine($"Job page GET (ms), {count} requests each, moto as CloudWatch, job with 50 lines:");
    Console.WriteLine("| page | n | median | p90 | max |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    Console.WriteLine(Timing.Row("without the panel", without));
    Console.WriteLine(Timing.Row("with the panel", with));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"median with / without: {Timing.Percentile(with, 0.5) / Timing.Percentile(without, 0.5):F3}; difference {Timing.Percentile(with, 0.5) - Timing.Percentile(without, 0.5):F3} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the panel's renderer alone, inside a page render: {rendererCost.Value * 1000:F2} us per call (10,000 calls)"));

    if (server.Browser.Browser is { } browser)
    {
        var visible = new List<double>();
        var loaded = new List<double>();
        for (var i = 0; i < (count >= 2000 ? 30 : 10); i++)
        {
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(server.Address, url).ToString());
            await page.WaitForFunctionAsync("() => document.querySelector('.mm-logs .mm-line') !== null", null, new() { Timeout = 30_000 });
            // performance.now() counts from the navigation's start.
            visible.Add(await page.EvaluateAsync<double>("() => performance.now()"));
            loaded.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"));
        }

        Console.WriteLine();
        Console.WriteLine("Headless chromium, ms from navigation start (the first load of each fresh browser context):");
        Console.WriteLine("| event | n | median | p90 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Timing.Row("page DOMContentLoaded", [.. loaded]));
        Console.WriteLine(Timing.Row("first log line visible", [.. visible]));
        Console.WriteLine(Timing.Row("first line after DOMContentLoaded", [.. visible.Zip(loaded, (v, l) => v - l)]));
    }
    else
    {
        Console.WriteLine("chromium is not installed: the first-lines figure was not measured.");
    }
}
finally
{
    await server.StopAsync();
}

// A renderer placed before the panel's captures a real page's DTO and times the panel's renderer on it.
static StrongBox<double> MeasureRendererInsidePageRender()
{
    var result = new StrongBox<double>(double.NaN);
    GlobalConfiguration.Configuration.UseJobDetailsRenderer(1, dto =>
    {
        if (double.IsNaN(result.Value))
        {
            for (var i = 0; i < 1_000; i++)
            {
                LogPanelRenderer.Render(dto);
            }

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 10_000; i++)
            {
                LogPanelRenderer.Render(dto);
            }

            result.Value = clock.Elapsed.TotalMilliseconds / 10_000;
        }

        return new NonEscapedString(string.Empty);
    });
    return result;
}
