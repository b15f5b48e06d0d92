using System.Diagnostics;
using System.Globalization;
using MetaMock.JobLogging.Tests.CloudWatch.Support;
using Xunit.Abstractions;

namespace MetaMock.JobLogging.Tests.CloudWatch.Crash;

/// <summary>
/// A worker logging at full speed into 1,000 job streams, with the spool on, killed with SIGKILL at a random moment and
/// started again on the same spool: every line whose log call returned must reach its stream, in order, with the time
/// of its call. The worker is a real process (tests/MetaMock.JobLogging.CrashWorker) configured through the public
/// options only.
/// <para>
/// Delivery after a crash is at-least-once: what was sent but not yet settled is sent again. The bound asserted per
/// stream is that the lines sent twice form one unbroken run of at most 10,000 lines (what one PutLogEvents call
/// carries), none sent three times: what re-sending the stream's unsettled batch leaves. Seen from the endpoint, one
/// batch and two consecutive batches of a stream look alike, so that is as tight as an outside check can be.
/// </para>
/// <para>
/// The suite runs one kill. To run it 20 times in a row (each with the next seed; the first failure stops):
/// <c>METAMOCK_CRASH_REPEAT=20 dotnet test tests/MetaMock.JobLogging.Tests --filter "FullyQualifiedName~CrashTests.A_worker_killed"</c>.
/// To replay a failure, set <c>METAMOCK_CRASH_SEED</c> to the seed it printed.
/// </para>
/// </summary>
[Collection(UsesMoto.Name)]
public sealed class CrashTests(MotoFixture moto, ITestOutputHelper output)
{
    private const long LinesPerStream = 20;

    [Fact]
    public async Task A_worker_killed_with_SIGKILL_while_logging_loses_no_line_whose_log_call_returned_once_started_again()
    {
        var repeat = Setting("METAMOCK_CRASH_REPEAT") ?? 1;
        var seed = Setting("METAMOCK_CRASH_SEED") ?? Random.Shared.Next(1_000_000);
        for (var run = 0; run < repeat; run++)
        {
            await KillAndRestartAsync(checked((int)seed + run), $"run {run + 1} of {repeat}");
        }
    }

    [Fact]
    public async Task A_worker_that_logs_a_fixed_count_and_exits_normally_delivers_every_line_once_and_leaves_nothing_to_send_again()
    {
        using var run = new CrashRun(moto.Server, LogFormat.Json);
        var started = DateTimeOffset.UtcNow;
        var worker = await run.StartLoggingAsync(LinesPerStream);
        await CrashRun.ExitedAsync(worker);
        var exited = DateTimeOffset.UtcNow;
        var progress = run.ReadProgress();
        Assert.All(progress, p => Assert.Equal(LinesPerStream - 1, p));

        var clock = Stopwatch.StartNew();
        var audit = await run.AuditAsync(progress, started, exited);
        var diagnostics = CrashRun.Diagnostics(worker);
        output.WriteLine($"{audit.Summary}\nlogged and delivered in {(exited - started).TotalSeconds:0.0} s, read back in {clock.Elapsed.TotalSeconds:0.0} s; segment files left in the spool {run.SegmentFiles}");
        output.WriteLine(string.Join(' ', diagnostics.Select(d => $"{d.Key}={d.Value}")));
        Assert.True(audit.Problems.Count == 0, string.Join('\n', audit.Problems.Prepend(audit.Summary)));
        Assert.Equal(0, audit.ExtraCopies); // no kill, no lost answer: nothing is sent twice
        Assert.Equal(0, diagnostics["EventsDropped"]);
        Assert.Equal(0, diagnostics["QueuedEvents"]);
        Assert.Equal(CrashRun.Streams * LinesPerStream, diagnostics["EventsSent"]);

        // A normal exit settled everything: a worker started again on the same spool has nothing to replay.
        var restart = CrashRun.Diagnostics(await run.DrainAsync());
        var again = string.Join(' ', restart.Select(d => $"{d.Key}={d.Value}"));
        output.WriteLine($"started again on the same spool: {again}; segment files left in the spool {run.SegmentFiles}");
        Assert.True(restart["EventsSent"] == 0, $"a restart after a normal exit sent lines again: {again}");
        Assert.All(restart.Where(d => d.Key.Contains("replayed", StringComparison.OrdinalIgnoreCase)), r => Assert.True(r.Value == 0, again));
    }

    private async Task KillAndRestartAsync(int seed, string which)
    {
        var random = new Random(seed);
        var format = random.Next(2) == 0 ? LogFormat.Json : LogFormat.Text;
        var lifetime = TimeSpan.FromMilliseconds(random.Next(500, 3001));
        output.WriteLine($"{which}: seed {seed} (replay with METAMOCK_CRASH_SEED={seed}): {format}, killed after {lifetime.TotalSeconds:0.00} s of logging");

        using var run = new CrashRun(moto.Server, format);
        var started = DateTimeOffset.UtcNow;
        var worker = await run.StartLoggingAsync();
        // The random moment of the kill: what is being tested is whatever the worker is doing then, not a condition to wait for.
        await Task.Delay(lifetime);
        worker.Kill();
        var killed = DateTimeOffset.UtcNow;
        var progress = run.ReadProgress();
        Assert.True(progress.Any(p => p >= 0), $"the worker logged nothing before the kill:\n{worker.Output}");

        var clock = Stopwatch.StartNew();
        var drain = await run.DrainAsync();
        var drained = clock.Elapsed;
        var audit = await run.AuditAsync(progress, started, killed);
        var diagnostics = CrashRun.Diagnostics(drain);
        var report = $"{which}, seed {seed}: {audit.Summary}\nafter the restart: {string.Join(' ', diagnostics.Select(d => $"{d.Key}={d.Value}"))}\n" +
            $"restart to exit {drained.TotalSeconds:0.0} s, reading the streams back {(clock.Elapsed - drained).TotalSeconds:0.0} s; " +
            $"segment files left in the spool {run.SegmentFiles}";
        output.WriteLine(report);

        Assert.True(audit.Problems.Count == 0, string.Join('\n', audit.Problems.Prepend(report)));
        // The one documented loss: a record half-written when the kill landed, whose log call had not returned (one per
        // writer thread at most), counted as spool_corrupt. Any other drop after the restart means a line was lost.
        var unexpected = diagnostics
            .Where(d => d.Key.StartsWith("dropped.", StringComparison.Ordinal) && d.Value > 0)
            .Where(d => d.Key != "dropped.spool_corrupt" || d.Value > CrashRun.Threads)
            .Select(d => $"{d.Key}={d.Value}")
            .ToList();
        Assert.True(unexpected.Count == 0, $"dropped after the restart, beyond spool_corrupt <= {CrashRun.Threads}: {string.Join(' ', unexpected)}\n{report}");
        Assert.Equal(0, diagnostics["QueuedEvents"]);
        Assert.Contains("quiet after", drain.Output, StringComparison.Ordinal);
        // The restarted worker logs nothing itself, so all it sent came from the spool: a replay counter, once the
        // diagnostics or the meter have one, counts at least that.
        Assert.All(diagnostics.Where(d => d.Key.Contains("replayed", StringComparison.OrdinalIgnoreCase)), r => Assert.True(r.Value >= diagnostics["EventsSent"], report));
    }

    private static long? Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}
