namespace MetaMock.JobLogging.Benchmarks.LogCall;

/// <summary>
/// Extra lines for the benchmark log, written to the process's real stdout: some setups point Console.Out at a null
/// writer so console loggers don't measure the terminal. BenchmarkDotNet copies these lines into its log.
/// </summary>
internal static class BenchReport
{
    public static void Line(string line)
    {
        using var stdout = new StreamWriter(System.Console.OpenStandardOutput());
        stdout.WriteLine(line);
    }
}
