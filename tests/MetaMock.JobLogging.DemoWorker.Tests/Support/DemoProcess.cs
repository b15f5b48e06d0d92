using System.Diagnostics;
using System.Text;
using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.DemoWorker.Tests.Support;

/// <summary>Runs the built demo-worker as a child process and collects its output; the process is killed if it overruns.</summary>
internal static class DemoProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static Task<DemoResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(environment, onOutput: null, args);

    /// <summary>
    /// Runs the demo; <paramref name="onOutput"/>, when given, sees each stdout line with the running process, so a test
    /// can act on it (send a signal, say).
    /// </summary>
    public static async Task<DemoResult> RunAsync(IReadOnlyDictionary<string, string>? environment, Action<string, Process>? onOutput, params string[] args)
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
        foreach (var name in new[] { "ENVIRONMENT", "USE_CLOUDWATCH", "LOG_LEVEL", "LOG_FORMAT", "SERVICE_NAME", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Exception? callbackFailure = null;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stdout)
            {
                stdout.AppendLine(e.Data);
            }

            try
            {
                onOutput?.Invoke(e.Data, process);
            }
            catch (Exception error)
            {
                // Thrown on the output reader's thread it would end the whole test host: this test fails with it instead.
                Interlocked.CompareExchange(ref callbackFailure, error, null);
                process.Kill(entireProcessTree: true);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"demo-worker ran longer than {Limit}; output so far:\n{stdout}");
        }

        process.WaitForExit(); // drains the redirected streams
        if (Volatile.Read(ref callbackFailure) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return new DemoResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public static void Interrupt(Process process) => CtrlC.Send(process);
}
