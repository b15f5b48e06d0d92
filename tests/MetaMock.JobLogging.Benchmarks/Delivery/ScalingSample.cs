using System.Globalization;

namespace MetaMock.JobLogging.Benchmarks.Delivery;

/// <summary>What one B4 child process measured, passed to the parent as one line of text.</summary>
internal sealed record ScalingSample(int Jobs, long PeakWorkingSet, long HeapAfterGc, int PeakThreads, int ThreadsAtEnd, int PeakStreams, int StreamsAtEnd, long Sent, long Dropped, TimeSpan Elapsed)
{
    public const string Marker = "B4-RESULT ";

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Marker}{Jobs} {PeakWorkingSet} {HeapAfterGc} {PeakThreads} {ThreadsAtEnd} {PeakStreams} {StreamsAtEnd} {Sent} {Dropped} {Elapsed.TotalMilliseconds:0}");

    public static ScalingSample Parse(string line)
    {
        var f = line[Marker.Length..].Split(' ');
        return new(
            int.Parse(f[0], CultureInfo.InvariantCulture),
            long.Parse(f[1], CultureInfo.InvariantCulture),
            long.Parse(f[2], CultureInfo.InvariantCulture),
            int.Parse(f[3], CultureInfo.InvariantCulture),
            int.Parse(f[4], CultureInfo.InvariantCulture),
            int.Parse(f[5], CultureInfo.InvariantCulture),
            int.Parse(f[6], CultureInfo.InvariantCulture),
            long.Parse(f[7], CultureInfo.InvariantCulture),
            long.Parse(f[8], CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(double.Parse(f[9], CultureInfo.InvariantCulture)));
    }
}
