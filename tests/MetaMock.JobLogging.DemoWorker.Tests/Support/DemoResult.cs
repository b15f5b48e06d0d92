using System.Text.RegularExpressions;

namespace MetaMock.JobLogging.DemoWorker.Tests.Support;

/// <summary>A finished demo run, with its console records parsed into level, context fields and message.</summary>
internal sealed partial record DemoResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<ConsoleRecord> Records => Stdout
        .Split('\n')
        .Select(Parse)
        .OfType<ConsoleRecord>()
        .ToList();

    public IReadOnlyList<ConsoleRecord> ForJob(string jobId) => Records.Where(r => r.JobId == jobId).ToList();

    /// <summary>The record a text line starts, or null for a continuation line (an exception's stack, say).</summary>
    public static ConsoleRecord? Parse(string line)
    {
        var m = RecordPattern().Match(line.TrimEnd('\r'));
        return m.Success
            ? new ConsoleRecord(m.Groups["level"].Value, Field(m, "user_id"), Field(m, "job_id"), Field(m, "task"), Field(m, "run_id"), m.Groups["message"].Value)
            : null;
    }

    private static string? Field(Match match, string key)
    {
        var fields = match.Groups["fields"].Value;
        var found = Regex.Match(fields, $@"(?:^| ){key}=(\S+)");
        return found.Success ? found.Groups[1].Value : null;
    }

    // [LEVEL] [k=v k=v] message   or   [LEVEL] message
    [GeneratedRegex(@"^\[(?<level>TRACE|DEBUG|INFO|WARNING|ERROR|CRITICAL)\] (?:\[(?<fields>[^\]]*)\] )?(?<message>.*)$")]
    private static partial Regex RecordPattern();
}

/// <summary>One console record of the demo.</summary>
internal sealed record ConsoleRecord(string Level, string? UserId, string? JobId, string? Task, string? RunId, string Message);
