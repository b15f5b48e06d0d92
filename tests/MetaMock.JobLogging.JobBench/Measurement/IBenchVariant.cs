namespace MetaMock.JobLogging.JobBench.Measurement;

/// <summary>One started scheduler (with or without the integration) that can run a round of trivial jobs.</summary>
internal interface IBenchVariant : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Lines the MetaMock provider delivered to the (discarding) CloudWatch endpoint so far.</summary>
    long LinesDelivered { get; }

    /// <summary>Runs <paramref name="count"/> jobs and measures them; <paramref name="round"/> keeps job names unique.</summary>
    Task<Rate> RunAsync(int count, string round);
}
