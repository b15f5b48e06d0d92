namespace MetaMock.JobLogging.CloudWatch.Wire.Reading;

/// <summary>
/// One GetLogEvents page, oldest first. <see cref="ForwardToken"/> continues after its last event (and, polled
/// later, returns what arrived since); <see cref="AtEnd"/> is true when CloudWatch gave back the token it was
/// sent, its sign that nothing more is stored now.
/// </summary>
internal sealed record LogPage(IReadOnlyList<OutputLogEvent> Events, string? ForwardToken, bool AtEnd);
