namespace MetaMock.JobLogging.JobBench.HangfireBench;

internal enum HangfireVariantKind
{
    /// <summary>Hangfire's own filters only.</summary>
    Without,

    /// <summary>Plus a filter that does nothing (<c>--breakdown</c>).</summary>
    NoOpFilter,

    /// <summary>
    /// As <see cref="With"/>, but jobs enqueued outside any context, so no parameter is captured (<c>--breakdown</c>):
    /// tells the cost of storing and fetching the two captured ids from the rest.
    /// </summary>
    WithNothingCaptured,

    /// <summary>Plus the filter <c>UseMetaMockJobContext(loggerFactory)</c> registers.</summary>
    With,
}
