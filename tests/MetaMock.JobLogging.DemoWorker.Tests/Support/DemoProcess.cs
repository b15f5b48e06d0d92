using System.Diagnostics;

namespace MetaMock.JobLogging.DemoWorker.Tests.Support;

/// <summary>Runs the built demo-worker as a child process and collects its output; the process is killed if it overruns.</summary>
internal static class DemoProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<DemoResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "demo-worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean slate: the demo's behaviour must come from what the test sets, not from the developer's shell.
        foreach (var name in new[] { "ENVIRONMENT", "USE_CLOUDWATCH", "LOG_LEVEL", "LOG_FORMAT", "SERVICE_NAME", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("demo-worker did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"demo-worker ran longer than {Limit}; output so far:\n{await stdout}");
        }

        return new DemoResult(process.ExitCode, await stdout, await stderr);
    }
}
