namespace MetaMock.JobLogging.CloudWatch.Sending.Pacing;

/// <summary>What one cycle does once it has drained.</summary>
/// <param name="Send">Which streams it sends.</param>
/// <param name="IntervalRound">
/// The flush interval's round (or a flush's, or the shutdown's): idle streams are evicted and the list of streams is
/// published with it, even when a backoff holds the send back.
/// </param>
internal readonly record struct CyclePlan(SendScope Send, bool IntervalRound);
