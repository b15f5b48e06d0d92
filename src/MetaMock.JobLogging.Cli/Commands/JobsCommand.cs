using System.CommandLine;
using MetaMock.JobLogging.Cli.Reading;
using MetaMock.JobLogging.CloudWatch.Wire;

namespace MetaMock.JobLogging.Cli.Commands;

/// <summary><c>jobs [--prefix P] [--limit N] [--group G]</c>.</summary>
internal static class JobsCommand
{
    public static Command Build(CommandRunner runner, Option<string?> group)
    {
        var prefix = new Option<string>("--prefix") { Description = "Only job ids starting with this.", DefaultValueFactory = _ => string.Empty };
        var limit = new Option<int>("--limit") { Description = "How many streams to list (1-1000).", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--limit must be between 1 and 1000.");
            }
        });

        var command = new Command("jobs", "List the most recently written job streams: last event time, size, job id.") { prefix, limit };
        command.SetAction((result, cancellation) => runner.RunAsync(
            async (options, reader) =>
            {
                var name = result.GetValue(group) ?? options.JobLogGroup ?? options.LogGroup;
                try
                {
                    return await JobsRun.RunAsync(reader, runner.Console, name, result.GetValue(prefix) ?? string.Empty, result.GetValue(limit), cancellation).ConfigureAwait(false);
                }
                catch (CloudWatchLogsException missing) when (missing.ErrorType == CloudWatchErrors.ResourceNotFound)
                {
                    await runner.Console.Error.WriteLineAsync($"metamock-logs: no log group {name}.").ConfigureAwait(false);
                    return ExitCodes.NotFound;
                }
            },
            cancellation));
        return command;
    }
}
