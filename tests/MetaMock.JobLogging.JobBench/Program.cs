using System.Globalization;
using MetaMock.JobLogging.JobBench.HangfireBench;
using MetaMock.JobLogging.JobBench.Logging;
using MetaMock.JobLogging.JobBench.Measurement;
using MetaMock.JobLogging.JobBench.QuartzBench;

// B3, job overhead: throughput of trivial jobs with the integration and MetaMock logging on, versus without the
// integration (same logging), for Hangfire (InMemory, WorkerCount = 2) and Quartz (in-memory store); then the cost of
// one log line on that logging path, the floor under an integration that writes lines.
//
//   dotnet run -c Release --project tests/MetaMock.JobLogging.JobBench [-- --quick] [--rounds N] [--warmup-jobs N] [--only hangfire|quartz|lines] [--breakdown] [--postgres]
//
// --postgres: the Hangfire variants on PostgreSQL (a throwaway server, a database per variant) instead of InMemory, with
// --jobs N per round (default 1,000: each job costs the storage dozens of statements).
// --quick: a smoke run (fewer jobs, one warm-up and two rounds). --breakdown adds Hangfire with a no-op filter and with
// nothing to capture at enqueue, and Quartz's listener-only and context-only variants. On a shared machine wall-clock
// rates swing with the neighbours' load, so each round also counts this process's CPU time, and ratios are taken round
// by round against the baseline run next to it. Quartz also runs two reference variants: the integration logging into a
// provider that only formats each line and forgets it (the ceiling for any logging pipeline), and into ZLogger writing
// to a null stream (B1's fastest peer).
string[] known = ["--quick", "--breakdown", "--only", "--rounds", "--warmup-jobs", "--postgres", "--jobs", "hangfire", "quartz", "lines"];
if (args.Any(a => !known.Contains(a) && !int.TryParse(a, CultureInfo.InvariantCulture, out _)) || ValueOf("--only") is not (null or "hangfire" or "quartz" or "lines"))
{
    Console.Error.WriteLine("usage: JobBench [--quick] [--rounds N] [--warmup-jobs N] [--only hangfire|quartz|lines] [--breakdown] [--postgres [--jobs N]]");
    return 2;
}

var quick = args.Contains("--quick");
var breakdown = args.Contains("--breakdown");
var only = ValueOf("--only");
var rounds = int.Parse(ValueOf("--rounds") ?? (quick ? "2" : "9"), CultureInfo.InvariantCulture);
// Each variant runs this many jobs before the measured rounds: tiered compilation (tier 1 with dynamic PGO) must have
// settled for every path, and the variant with the integration has more code to compile. Two rounds of 5,000 Quartz
// firings left its CPU per firing still falling for five more rounds.
var warmupJobs = int.Parse(ValueOf("--warmup-jobs") ?? "50000", CultureInfo.InvariantCulture);
if (quick)
{
    // One short warm-up leaves much of the code still being compiled: the run proves the program works, not the figures.
    Console.WriteLine("--quick: a smoke run; its figures include JIT time and are not measurements.");
}

if (args.Contains("--postgres"))
{
    using var postgres = new PostgresBench();
    List<IBenchVariant> variants =
    [
        HangfireVariant.Start(HangfireVariantKind.Without, postgres.NewStorage(metaMock: false)),
        HangfireVariant.Start(HangfireVariantKind.With, postgres.NewStorage(metaMock: true)),
    ];
    await RunAndDisposeAsync("Hangfire on PostgreSQL", int.Parse(ValueOf("--jobs") ?? "1000", CultureInfo.InvariantCulture), variants);
    return 0;
}

if (only is null or "hangfire")
{
    List<IBenchVariant> variants = [HangfireVariant.Start(HangfireVariantKind.Without)];
    if (breakdown)
    {
        variants.Add(HangfireVariant.Start(HangfireVariantKind.NoOpFilter));
        variants.Add(HangfireVariant.Start(HangfireVariantKind.WithNothingCaptured));
    }

    variants.Add(HangfireVariant.Start(HangfireVariantKind.With));
    await RunAndDisposeAsync("Hangfire", quick ? 2_000 : 20_000, variants);
    if (breakdown)
    {
        ParameterReadCost.Run(quick ? 20_000 : 200_000, rounds);
        await FilterCost.RunAsync(quick ? 20_000 : 100_000, rounds);
    }
}

if (only is null or "quartz")
{
    List<IBenchVariant> variants = [await QuartzVariant.StartAsync(QuartzVariantKind.Without)];
    if (breakdown)
    {
        variants.Add(await QuartzVariant.StartAsync(QuartzVariantKind.ListenerOnly));
        variants.Add(await QuartzVariant.StartAsync(QuartzVariantKind.ContextOnly));
    }

    variants.Add(await QuartzVariant.StartAsync(QuartzVariantKind.WithFormatOnly));
    variants.Add(await QuartzVariant.StartAsync(QuartzVariantKind.WithZLogger));
    variants.Add(await QuartzVariant.StartAsync(QuartzVariantKind.With));
    await RunAndDisposeAsync("Quartz", quick ? 1_000 : 5_000, variants);
    QuartzVariant.PrintAllocations(variants);
    if (breakdown)
    {
        await PartCost.RunAsync(quick ? 5_000 : 50_000, rounds);
    }
}

async Task RunAndDisposeAsync(string title, int jobsPerRound, List<IBenchVariant> variants)
{
    try
    {
        var warmups = quick ? 1 : Math.Max(2, (warmupJobs + jobsPerRound - 1) / jobsPerRound);
        await Comparison.RunAsync(title, jobsPerRound, warmups, rounds, variants);
    }
    finally
    {
        foreach (var variant in variants)
        {
            await variant.DisposeAsync();
        }
    }
}

if (only is null or "lines")
{
    await LineCost.RunAsync(quick ? 20_000 : 100_000, rounds);
}

return 0;

string? ValueOf(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
