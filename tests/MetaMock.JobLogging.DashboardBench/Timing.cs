using System.Diagnostics;
using System.Globalization;

namespace MetaMock.JobLogging.DashboardBench;

/// <summary>Sample statistics, and the timing of whole job-page requests.</summary>
internal static class Timing
{
    public static async Task<double[]> PageAsync(HttpClient http, string url, int warmup, int count)
    {
        for (var i = 0; i < warmup; i++)
        {
            (await http.GetAsync(url)).Dispose();
        }

        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }

        return samples;
    }

    public static double Percentile(double[] samples, double p)
    {
        var sorted = samples.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];
    }

    public static string Row(string name, double[] samples) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {samples.Length} | {Percentile(samples, 0.5):F3} | {Percentile(samples, 0.9):F3} | {samples.Max():F3} |");
}
