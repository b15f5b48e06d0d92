namespace MetaMock.JobLogging.JobBench.HangfireBench;

internal enum HangfireVariantKind
{
    /// <summary>Hangfire's own filters only.</summary>
    Without,

    /// <summary>Plus a filter that does nothing (<c>--breakdown</c>).</summary>
    NoOpFilter,

    /// <summary>Plus the filter <c>UseMetaMockJobContext(loggerFactory)</c> registers.</summary>
    With,
}
