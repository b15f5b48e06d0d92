namespace MetaMock.JobLogging.JobBench.Measurement;

internal static class Stats
{
    /// <summary>The median (the upper one of an even count): robust to the odd round a neighbour's load spoiled.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
