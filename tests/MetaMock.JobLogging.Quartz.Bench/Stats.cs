namespace MetaMock.JobLogging.Quartz.Bench;

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
