using System.Collections.Concurrent;
using System.Diagnostics;

namespace MetaMock.JobLogging.Testing;

/// <summary>
/// A test program run as a child process (<c>dotnet Program.dll ...</c>) with moto's dummy credentials, in production.
/// Closing its standard input asks it to stop; <see cref="Kill"/> is SIGKILL; <see cref="Dispose"/> always ends it.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>Everything it printed (standard output and error), for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <paramref name="dll"/>; <paramref name="readyLine"/> is the line prefix that says it is up.</summary>
    public static ChildProcess Start(string name, string dll, IEnumerable<string> arguments, string readyLine)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretAccessKey;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Received(e.Data, readyLine);
        process.ErrorDataReceived += (_, e) => child.Received(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the process printed its ready line; fails with its output if it exits or times out first.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (first != _ready.Task)
        {
            throw new InvalidOperationException(
                $"{Name} {(first == exited ? $"exited with {_process.ExitCode}" : $"was not ready within {timeout}")}:\n{Output}");
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
