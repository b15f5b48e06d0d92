using System.Diagnostics;
using System.Text.Json;
using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.DemoWorker.Tests.Support;

/// <summary>
/// Reads CloudWatch Logs back with the real <c>aws</c> CLI, exactly as the README's loop does, so the test checks what a
/// user would see with AWS's own client.
/// </summary>
internal static class AwsCli
{
    public static async Task<IReadOnlyList<string>> StreamNamesAsync(MotoServer moto, string group)
    {
        using var json = await RunAsync(moto, "describe-log-streams", "--log-group-name", group);
        return json.RootElement.GetProperty("logStreams").EnumerateArray().Select(s => s.GetProperty("logStreamName").GetString()!).ToList();
    }

    /// <summary>Every event of the stream, oldest first, as (timestamp in ms, message).</summary>
    public static async Task<IReadOnlyList<(long Timestamp, string Message)>> EventsAsync(MotoServer moto, string group, string stream)
    {
        using var json = await RunAsync(moto, "get-log-events", "--log-group-name", group, "--log-stream-name", stream, "--start-from-head");
        return json.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("timestamp").GetInt64(), e.GetProperty("message").GetString()!))
            .ToList();
    }

    private static async Task<JsonDocument> RunAsync(MotoServer moto, params string[] args)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--endpoint-url", moto.Endpoint.ToString(), "--region", "ap-south-1", "--output", "json", "logs" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretAccessKey;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws logs {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }

        return JsonDocument.Parse(await stdout);
    }
}
