using MetaMock.JobLogging.Cli.Output;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Wire;
using MetaMock.JobLogging.CloudWatch.Wire.Reading;
using MetaMock.JobLogging.Formatting;

namespace MetaMock.JobLogging.Cli.Reading;

/// <summary>
/// <c>tail</c>: the job's lines oldest first; with <c>--follow</c>, polls from the last forward token until cancelled
/// (Ctrl+C), waiting for a stream that does not exist yet. Without it, a missing stream is exit code 3.
/// </summary>
internal sealed class TailRun
{
    private readonly LogStreamReader _reader;
    private readonly CliConsole _console;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;

    public TailRun(LogStreamReader reader, CliConsole console, TimeProvider time, TimeSpan pollInterval)
    {
        _reader = reader;
        _console = console;
        _time = time;
        _pollInterval = pollInterval;
    }

    public async Task<int> RunAsync(TailRequest request, StreamAddress address, CancellationToken cancellationToken)
    {
        var printer = new LinePrinter(_console.Out, _console.Colour, request.Json);
        var start = request.Since is { } since ? ReadStart.Since(_time.GetUtcNow() - since) : ReadStart.Head;
        var waitingSaid = false;
        try
        {
            while (true)
            {
                try
                {
                    await foreach (var page in _reader.ReadToEndAsync(address, start, cancellationToken).ConfigureAwait(false))
                    {
                        Print(printer, page, request.RunId);
                        start = ReadStart.After(page.ForwardToken);
                    }
                }
                catch (CloudWatchLogsException missing) when (missing.ErrorType == CloudWatchErrors.ResourceNotFound)
                {
                    if (!request.Follow)
                    {
                        await _console.Error.WriteLineAsync(NotFound(address)).ConfigureAwait(false);
                        return ExitCodes.NotFound;
                    }

                    if (!waitingSaid)
                    {
                        await _console.Error.WriteLineAsync($"metamock-logs: waiting for stream {address.Stream} in log group {address.Group}...").ConfigureAwait(false);
                        waitingSaid = true;
                    }
                }

                if (!request.Follow)
                {
                    return ExitCodes.Success;
                }

                await Task.Delay(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
    }

    public static string NotFound(StreamAddress address) =>
        $"metamock-logs: no stream {address.Stream} in log group {address.Group} (the job has logged nothing there yet, or the job id or --group is wrong).";

    private static void Print(LinePrinter printer, LogPage page, string? runId)
    {
        foreach (var item in page.Events)
        {
            var line = StoredLine.Parse(item.Message);
            if (runId is null || string.Equals(line.RunId, runId, StringComparison.Ordinal))
            {
                printer.Write(item, line);
            }
        }
    }
}
