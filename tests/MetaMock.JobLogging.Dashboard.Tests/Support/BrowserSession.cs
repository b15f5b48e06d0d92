using Microsoft.Playwright;

namespace MetaMock.JobLogging.Dashboard.Tests.Support;

/// <summary>
/// One headless chromium (Debian's, at /usr/bin/chromium, or the one <c>METAMOCK_CHROMIUM</c> names) for all browser
/// tests, driven by Playwright. When the
/// executable is missing nothing starts, and <see cref="BrowserFactAttribute"/> skips the browser tests.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string Executable = Environment.GetEnvironmentVariable("METAMOCK_CHROMIUM") is { Length: > 0 } named ? named : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public IBrowser Required => Browser ?? throw new InvalidOperationException("chromium is not running.");

    public async Task StartAsync()
    {
        if (!File.Exists(Executable))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
