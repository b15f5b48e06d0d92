using MetaMock.JobLogging.Cli;
using MetaMock.JobLogging.Configuration;

// Ctrl+C cancels the running command instead of killing the process, so --follow ends with exit code 0.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

return await CliApp.RunAsync(args, CliConsole.Standard(EnvironmentVariables.Process), EnvironmentVariables.Process, interrupted.Token).ConfigureAwait(false);
