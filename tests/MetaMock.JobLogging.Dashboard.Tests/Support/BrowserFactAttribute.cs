namespace MetaMock.JobLogging.Dashboard.Tests.Support;

/// <summary>A test that needs the headless browser: skipped, with the reason, when chromium is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserSession.Executable))
        {
            Skip = $"chromium is not installed at {BrowserSession.Executable} (apt-get install -y chromium, which .ci/run does, or set METAMOCK_CHROMIUM).";
        }
    }
}
