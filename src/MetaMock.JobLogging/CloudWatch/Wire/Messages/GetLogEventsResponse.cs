namespace MetaMock.JobLogging.CloudWatch.Wire;

/// <summary>GetLogEvents output. The forward token repeats once the end of the stream is reached.</summary>
internal sealed record GetLogEventsResponse(IReadOnlyList<OutputLogEvent>? Events, string? NextForwardToken, string? NextBackwardToken);
