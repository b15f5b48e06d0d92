using System.Globalization;
using MetaMock.JobLogging.Quartz.Bench;

// Firings per second of 5,000 trivial jobs on a real in-memory scheduler: plain Quartz, Quartz with only the
// MetaMockJobListener (its two lifecycle lines per firing), with only the context half (hook and attempt middleware),
// and with UseMetaMockJobContext() (both). One round fires 5,000 jobs on each scheduler in turn; rounds repeat.
//
// On a shared machine wall-clock rates swing with the neighbours' load, so a round also counts this process's CPU time,
// and the figure reported is the median over rounds of each variant's rate divided by the baseline's rate in the same
// round (the three ran back to back under about the same load).
const int Firings = 5_000;
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;

await using var without = await Variant.StartAsync(VariantKind.Without);
await using var listenerOnly = await Variant.StartAsync(VariantKind.ListenerOnly);
await using var contextOnly = await Variant.StartAsync(VariantKind.ContextOnly);
await using var with = await Variant.StartAsync(VariantKind.With);
Variant[] variants = [without, listenerOnly, contextOnly, with];

// Until tiered compilation has settled, later rounds run faster than earlier ones whichever variant they measure.
for (var warmup = 0; warmup < 3; warmup++)
{
    foreach (var variant in variants)
    {
        await variant.RunAsync(Firings, $"w{warmup}");
    }
}

var results = variants.ToDictionary(v => v, _ => new List<Rate>());
for (var round = 0; round < rounds; round++)
{
    foreach (var variant in variants)
    {
        results[variant].Add(await variant.RunAsync(Firings, $"r{round}"));
    }

    Console.WriteLine($"round {round + 1,2}: " + string.Join(", ", variants.Select(v => $"{v.Kind} {results[v][^1]}")));
}

Console.WriteLine($"{rounds} rounds x {Firings} firings per variant, medians:");
foreach (var variant in variants)
{
    var rates = results[variant];
    var wall = Stats.Median(rates.Select(r => r.PerWallSecond));
    var cpu = Stats.Median(rates.Select(r => r.PerCpuSecond));
    var wallRatio = Stats.Median(rates.Zip(results[without], (v, b) => v.PerWallSecond / b.PerWallSecond));
    var cpuRatio = Stats.Median(rates.Zip(results[without], (v, b) => v.PerCpuSecond / b.PerCpuSecond));
    Console.WriteLine(
        $"  {variant.Kind,-12} {wall,7:F0} firings/s  {1e6 / cpu,5:F1} cpu-us/firing  ratio to plain Quartz: wall {wallRatio:F3}, cpu {cpuRatio:F3}  ({variant.Lines} lines)");
}
