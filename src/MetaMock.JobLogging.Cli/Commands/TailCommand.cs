using System.CommandLine;
using MetaMock.JobLogging.Cli.Output;
using MetaMock.JobLogging.Cli.Reading;
using MetaMock.JobLogging.CloudWatch;
using MetaMock.JobLogging.CloudWatch.Wire.Reading;

namespace MetaMock.JobLogging.Cli.Commands;

/// <summary><c>tail JOB_ID [--follow] [--run RUN_ID] [--since 10m] [--json] [--group G]</c>.</summary>
internal static class TailCommand
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Build(CommandRunner runner, Option<string?> group)
    {
        var jobId = new Argument<string>("JOB_ID") { Description = "The job id whose stream jobs/{JOB_ID} to read." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading new lines (and wait for the stream to appear) until Ctrl+C." };
        var run = new Option<string?>("--run") { Description = "Only the lines of this run id (an attempt, e.g. 42-r1)." };
        var since = new Option<string?>("--since") { Description = "Only lines from this long ago: 30s, 10m, 2h, 7d." };
        var json = new Option<bool>("--json") { Description = "One JSON object per line: timestamp, level, task, runId, message." };
        since.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && Duration.TryParse(r.Tokens[^1].Value) is null)
            {
                r.AddError($"--since takes a number and a unit (30s, 10m, 2h, 7d), not \"{r.Tokens[^1].Value}\".");
            }
        });

        var command = new Command("tail", "Print a job's lines, oldest first.") { jobId, follow, run, since, json };
        command.SetAction((result, cancellation) =>
        {
            var request = new TailRequest(
                result.GetValue(jobId)!,
                result.GetValue(follow),
                result.GetValue(run),
                result.GetValue(since) is { } text ? Duration.TryParse(text) : null,
                result.GetValue(json),
                result.GetValue(group));
            return runner.RunAsync(
                (options, reader) =>
                {
                    var address = request.Group is { } named
                        ? new StreamAddress(named, StreamNames.ForJob(request.JobId))
                        : LogReaderFactory.JobStream(options, request.JobId);
                    return new TailRun(reader, runner.Console, TimeProvider.System, PollInterval).RunAsync(request, address, cancellation);
                },
                cancellation);
        });
        return command;
    }
}
