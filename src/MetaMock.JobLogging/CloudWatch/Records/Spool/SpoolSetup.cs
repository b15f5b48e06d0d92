namespace MetaMock.JobLogging.CloudWatch.Records.Spool;

/// <summary>Opens the spool the options ask for, or reports why not; the caller then keeps its events in memory segments.</summary>
internal static class SpoolSetup
{
    /// <summary>The claimed slot under <see cref="MetaMockLoggingOptions.SpoolDirectory"/>, or null (after one line to <paramref name="report"/>).</summary>
    public static SpoolSlot? Open(MetaMockLoggingOptions options, Action<string> report)
    {
        if (string.IsNullOrWhiteSpace(options.SpoolDirectory))
        {
            return null;
        }

        try
        {
            var limits = SpoolLimits.Default with { MaxBytes = options.MaxSpoolBytes };
            return SpoolDirectory.TryClaim(options.SpoolDirectory, limits, new SpoolCounters(), report);
        }
#pragma warning disable CA1031 // Whatever the spool throws at start-up, the process keeps logging, in memory.
        catch (Exception error)
#pragma warning restore CA1031
        {
            report($"MetaMock.JobLogging: the spool directory {options.SpoolDirectory} cannot be used ({error.GetType().Name}: {error.Message}); events are kept in memory instead.");
            return null;
        }
    }
}
