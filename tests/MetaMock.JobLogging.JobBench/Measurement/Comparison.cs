namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>
/// Runs a baseline and its variants in interleaved rounds (the order alternates each round, A/B then B/A, so a drift
/// in the neighbours' load or in tiered compilation hits both alike) and prints medians and ratios to the baseline.
/// </summary>
internal static class Comparison
{
    public static async Task RunAsync(string title, int jobsPerRound, int warmups, int rounds, IReadOnlyList<IBenchVariant> variants)
    {
        System.Console.WriteLine($"== {title}: {jobsPerRound:N0} jobs per round, {warmups} warm-up + {rounds} measured rounds");
        for (var warmup = 0; warmup < warmups; warmup++)
        {
            foreach (var variant in variants)
            {
                await variant.RunAsync(jobsPerRound, $"w{warmup}");
            }
        }

        var results = variants.ToDictionary(v => v, _ => new List<Rate>());
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? variants : variants.Reverse().ToList();
            foreach (var variant in order)
            {
                results[variant].Add(await variant.RunAsync(jobsPerRound, $"r{round}"));
            }

            System.Console.WriteLine($"  round {round + 1,2}: " + string.Join(" | ", variants.Select(v => $"{v.Name} {results[v][^1]}")));
        }

        var baseline = results[variants[0]];
        System.Console.WriteLine($"  medians ({title}):");
        System.Console.WriteLine($"  {"variant",-14} {"jobs/s",8} {"cpu-us/job",10} {"ratio wall",10} {"ratio cpu",9} {"lines",9}");
        foreach (var variant in variants)
        {
            var rates = results[variant];
            var wall = Stats.Median(rates.Select(r => r.PerWallSecond));
            var cpuMicros = Stats.Median(rates.Select(r => r.CpuMicrosecondsPerJob));

            // Ratios are taken round by round (each against the baseline run next to it), then the median of those.
            var wallRatio = Stats.Median(rates.Zip(baseline, (v, b) => v.PerWallSecond / b.PerWallSecond));
            var cpuRatio = Stats.Median(rates.Zip(baseline, (v, b) => v.PerCpuSecond / b.PerCpuSecond));
            System.Console.WriteLine($"  {variant.Name,-14} {wall,8:F0} {cpuMicros,10:F1} {wallRatio,10:F3} {cpuRatio,9:F3} {variant.LinesDelivered,9}");
        }
    }
}
