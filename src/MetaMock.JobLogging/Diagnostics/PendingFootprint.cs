namespace MetaMock.JobLogging.Diagnostics;

/// <summary>
/// The streams' pending lists as the loop last listed them (before a full send round, where they are fullest, and after
/// every round): the streams holding events, the events they hold, and the bytes of the arrays that hold them
/// (capacity times the element's size), so the benchmarks can tell the per-event cost of waiting from guesses.
/// </summary>
internal readonly record struct PendingFootprint(int StreamsWithEvents, int Events, long ArrayBytes);
