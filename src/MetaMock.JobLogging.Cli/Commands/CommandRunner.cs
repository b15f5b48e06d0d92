using MetaMock.JobLogging.CloudWatch.Wire.Reading;
using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.Cli.Commands;

/// <summary>
/// What every command shares: the logger's settings from the environment, a reader made the logger's way, and the
/// one-line report of a failure (credentials, access, an unreachable endpoint) with its exit code.
/// </summary>
internal sealed class CommandRunner
{
    private readonly CliConsole _console;
    private readonly EnvironmentVariables _environment;

    public CommandRunner(CliConsole console, EnvironmentVariables environment)
    {
        _console = console;
        _environment = environment;
    }

    public CliConsole Console => _console;

    public async Task<int> RunAsync(Func<MetaMockLoggingOptions, LogStreamReader, Task<int>> command, CancellationToken cancellationToken)
    {
        // A bad setting is one line on stderr and keeps its default (a region is checked for shape there), so the
        // endpoint always resolves; it is looked up only to describe a failure, inside the handler.
        var options = EnvironmentOptions.Read(_environment, _console.Error);
        try
        {
            using var reader = await LogReaderFactory.CreateAsync(options, cancellationToken).ConfigureAwait(false);
            return await command(options, reader).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception error) when (CliFailure.TryDescribe(error, options, out var line, out var exitCode))
        {
            await _console.Error.WriteLineAsync(line).ConfigureAwait(false);
            return exitCode;
        }
    }
}
