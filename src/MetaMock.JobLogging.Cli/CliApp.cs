using System.CommandLine;
using MetaMock.JobLogging.Cli.Commands;
using MetaMock.JobLogging.Configuration;

namespace MetaMock.JobLogging.Cli;

/// <summary>The <c>metamock-logs</c> command line: <c>tail</c> and <c>jobs</c>. A usage error prints the parser's error lines (not the help) and exits 2.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, EnvironmentVariables environment, CancellationToken cancellationToken)
    {
        var runner = new CommandRunner(console, environment);
        var group = new Option<string?>("--group")
        {
            Description = "The log group (default: CLOUDWATCH_JOB_LOG_GROUP, else CLOUDWATCH_LOG_GROUP, else metamock-app).",
            Recursive = true,
        };
        var root = new RootCommand("metamock-logs: read the CloudWatch Logs stream of a job (jobs/{job_id}).")
        {
            group,
            TailCommand.Build(runner, group),
            JobsCommand.Build(runner, group),
        };

        var parsed = root.Parse(args);
        // Ctrl+C is handled by the caller through cancellationToken; System.CommandLine would answer it with exit code 130.
        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
