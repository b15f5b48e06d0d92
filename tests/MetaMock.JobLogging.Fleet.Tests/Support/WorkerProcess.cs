using System.Collections.Concurrent;
using System.Diagnostics;
using MetaMock.JobLogging.Testing;

namespace MetaMock.JobLogging.Fleet.Tests.Support;

/// <summary>
/// One fleet worker as a child process (<c>dotnet MetaMock.JobLogging.Fleet.Worker.dll ...</c>). Closing its standard
/// input stops it gracefully; <see cref="Kill"/> is SIGKILL; <see cref="Dispose"/> always ends it.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private static readonly string WorkerDll = Path.Combine(
        AppContext.BaseDirectory.Replace("MetaMock.JobLogging.Fleet.Tests", "MetaMock.JobLogging.Fleet.Worker", StringComparison.Ordinal),
        "MetaMock.JobLogging.Fleet.Worker.dll");

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>Everything it printed (standard output and error), for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts a worker; <paramref name="readyLine"/> is the line prefix that says it is up.</summary>
    public static WorkerProcess Start(string name, IEnumerable<string> arguments, string readyLine)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretAccessKey;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"worker {name} did not start");
        var worker = new WorkerProcess(name, process);
        process.OutputDataReceived += (_, e) => worker.Received(e.Data, readyLine);
        process.ErrorDataReceived += (_, e) => worker.Received(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits until the worker printed its ready line; fails with its output if it exits or times out first.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (first != _ready.Task)
        {
            throw new InvalidOperationException(
                $"worker {Name} {(first == exited ? $"exited with {_process.ExitCode}" : $"was not ready within {timeout}")}:\n{Output}");
        }
    }

    /// <summary>Waits for the process to exit on its own, and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, no buffer is flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>A graceful stop (standard input closed), then a kill if it has not ended within 20 s.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(20_000))
                {
                    Kill();
                }
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (IOException)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Received(string? line, string? readyLine)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (readyLine is not null && line.StartsWith(readyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
